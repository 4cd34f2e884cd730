namespace CohortAnalysis.Cli;

/// <summary>The JSON shape of every estimate the CLI prints: estimate, ciLower, ciUpper, ciLevel, method, n (and p where there is one).</summary>
internal sealed record EstimateJson(string Name, string? Group, double Estimate, double CiLower, double CiUpper, double CiLevel, string Method,
    int N, int? NSecond = null, double? PValue = null, string? Note = null)
{
    public static EstimateJson Of(string name, string? group, double estimate, ConfidenceInterval ci, string method, GroupSizes n, double? p = null, string? note = null) =>
        new(name, group, estimate, ci.Lower, ci.Upper, ci.Level, method, n.First, n.IsSingleGroup ? null : n.Second, p, string.IsNullOrEmpty(note) ? null : note);
}
