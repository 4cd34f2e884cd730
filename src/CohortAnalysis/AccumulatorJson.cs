using System.Text.Json;
using System.Text.Json.Serialization;
using CohortAnalysis.Descriptive;
using CohortAnalysis.Inference;
using CohortAnalysis.Pooling;
using CohortAnalysis.Responders;

namespace CohortAnalysis;

/// <summary>The one JSON configuration for mergeable accumulators (site summaries exchanged between sites).</summary>
/// <remarks>Camel-case names; NaN and ±Infinity written as "NaN"/"Infinity" (an empty accumulator's min/max are NaN);
/// doubles use .NET's shortest round-trip form, so a state read back is bit-identical. Source-generated, so the
/// accumulators serialize without reflection (trimmed and Native AOT applications).</remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    WriteIndented = false)]
[JsonSerializable(typeof(RunningSummary.State), TypeInfoPropertyName = "RunningSummaryState")]
[JsonSerializable(typeof(RunningCorrelation.State), TypeInfoPropertyName = "RunningCorrelationState")]
[JsonSerializable(typeof(ResponderCounts))]
[JsonSerializable(typeof(SiteSummary.State), TypeInfoPropertyName = "SiteSummaryState")]
internal sealed partial class AccumulatorJson : JsonSerializerContext;
