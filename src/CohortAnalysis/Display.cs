using System.Globalization;

namespace CohortAnalysis;

/// <summary>How numbers appear in tables and text: invariant culture, "NA" for missing, "Inf" for infinities.</summary>
internal static class Display
{
    public static string Number(double x, string format = "0.###") =>
        double.IsNaN(x) ? "NA" : double.IsPositiveInfinity(x) ? "Inf" : double.IsNegativeInfinity(x) ? "-Inf" : x.ToString(format, CultureInfo.InvariantCulture);

    public static string Integer(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string P(double p) =>
        double.IsNaN(p) ? "NA" : p < 0.0001 ? "<0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);

    public static string Interval(ConfidenceInterval ci, string format = "0.###") => $"[{Number(ci.Lower, format)}, {Number(ci.Upper, format)}]";

    public static double? Nullable(double x) => double.IsNaN(x) ? null : x;
}
