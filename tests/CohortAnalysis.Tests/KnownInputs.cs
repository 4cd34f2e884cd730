using System.Globalization;

namespace CohortAnalysis.Tests;

/// <summary>Input vectors written by the known-results scripts (CSV: id, values separated by spaces, full precision).</summary>
public static class KnownInputs
{
    public static double[] Vector(string file, string id) =>
        KnownResults.Row(file, id).Text("values").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s == "NA" ? double.NaN : double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
}
