using System.Text.Json;
using System.Text.Json.Serialization;

namespace CohortAnalysis;

/// <summary>The one JSON configuration for mergeable accumulators (site summaries exchanged between sites).</summary>
/// <remarks>Camel-case names; NaN and ±Infinity written as "NaN"/"Infinity" (an empty accumulator's min/max are NaN);
/// doubles use .NET's shortest round-trip form, so a state read back is bit-identical.</remarks>
internal static class AccumulatorJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = false,
    };
}
