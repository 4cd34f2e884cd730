using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace CohortAnalysis.Tests.Models;

/// <summary>Reads the numbers a SAS PROC MIXED listing prints (tests/known-results/mmrm-sas/sas_*.txt, untouched), as
/// the printed text, so a test can require agreement to every printed digit.</summary>
internal sealed partial class SasListing
{
    private readonly string[] _lines;

    public SasListing(string file)
    {
        File = file;
        _lines = System.IO.File.ReadAllLines(KnownResults.PathOf("mmrm-sas/" + file));
    }

    public string File { get; }

    /// <summary>Levels of a CLASS variable in SAS's order ("Class Level Information").</summary>
    public string[] ClassLevels(string variable)
    {
        var match = _lines.Select(l => Regex.Match(l, $@"^\s+{variable}\s+\d+\s+(.*)$")).First(m => m.Success);
        return match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The last row of the iteration history: −2 (Res) Log Like (8 decimals) and the convergence criterion.</summary>
    public (string Minus2LogLikelihood, string Criterion) FinalIteration()
    {
        int end = Array.FindIndex(_lines, l => l.Contains("Convergence criteria met."));
        Assert.True(end > 0, $"{File}: no 'Convergence criteria met.'");
        for (int i = end; i >= 0; i--)
        {
            var m = IterationRow().Match(_lines[i]);
            if (m.Success) return (m.Groups[1].Value, m.Groups[2].Value);
        }
        throw new InvalidOperationException($"{File}: no iteration row.");
    }

    /// <summary>Covariance parameter estimates: (name, group or "", printed estimate).</summary>
    public IReadOnlyList<(string Name, string Group, string Estimate, double CiWidth)> CovarianceParameters()
    {
        int start = Array.FindIndex(_lines, l => l.Contains("Covariance Parameter Estimates"));
        var rows = new List<(string, string, string, double)>();
        for (int i = start + 1; i < _lines.Length && !_lines[i].Contains("Fit Statistics"); i++)
        {
            var m = CovarianceRow().Match(_lines[i]);
            if (m.Success)
                rows.Add((m.Groups["name"].Value, m.Groups["group"].Success ? m.Groups["group"].Value : "", m.Groups["est"].Value,
                    double.Parse(m.Groups["upper"].Value, CultureInfo.InvariantCulture) - double.Parse(m.Groups["lower"].Value, CultureInfo.InvariantCulture)));
        }
        return rows;
    }

    /// <summary>A fit statistic as printed, e.g. "AIC (Smaller is Better)".</summary>
    public string FitStatistic(string label)
    {
        string line = _lines.First(l => l.TrimStart().StartsWith(label, StringComparison.Ordinal));
        return line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
    }

    /// <summary>The Intercept row of "Solution for Fixed Effects": estimate, SE, DF as printed.</summary>
    public (string Estimate, string Se, string Df) Intercept()
    {
        string line = _lines.First(l => Regex.IsMatch(l, @"^\s+Intercept\s+-?\d"));
        string[] t = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (t[1], t[2], t[3]);
    }

    /// <summary>Rows of "Least Squares Means" for an effect such as AVISIT*ARMCD: level texts then estimate, SE, DF, t,
    /// p, alpha, lower, upper, as printed.</summary>
    public IReadOnlyList<string[]> LsMeans(string effect, int levels) => Rows("Least Squares Means", "Differences of Least Squares Means", effect, levels);

    /// <summary>Rows of "Differences of Least Squares Means".</summary>
    public IReadOnlyList<string[]> Differences(string effect, int levels) => Rows("Differences of Least Squares Means", "Tests of Effect Slices", effect, levels);

    private List<string[]> Rows(string from, string to, string effect, int levels)
    {
        int start = Array.FindIndex(_lines, l => l.Trim() == from);
        var rows = new List<string[]>();
        for (int i = start + 1; i < _lines.Length && _lines[i].Trim() != to; i++)
        {
            string[] t = _lines[i].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (t.Length == levels + 9 && t[0] == effect) rows.Add(t[1..]);
        }
        return rows;
    }

    /// <summary>Asserts that <paramref name="actual"/> rounds to the printed value: |actual − printed| ≤ ½ unit of the
    /// last printed digit (times <paramref name="units"/> × 2 when more than half a unit is allowed).</summary>
    public static void AssertPrinted(string printed, double actual, string what, double units = 0.5)
    {
        double value = double.Parse(printed, CultureInfo.InvariantCulture);
        int dot = printed.IndexOf('.');
        int decimals = dot < 0 ? 0 : printed.Length - dot - 1;
        double tolerance = units * Math.Pow(10, -decimals) * (1 + 1e-9);
        Assert.True(Math.Abs(actual - value) <= tolerance,
            $"{what}: SAS prints {printed}, we have {actual:R} (difference {actual - value:E2}, allowed {tolerance:E1})");
    }

    [GeneratedRegex(@"^\s+\d+\s+\d+\s+(\d+\.\d+)\s+(\d+\.\d+)\s*$")]
    private static partial Regex IterationRow();

    [GeneratedRegex(@"^\s+(?<name>(UN|Var|Rho|TOEPH|CSH|CS|ARH|AR|Residual|Variance|SP)\S*)\s+(USUBJID\s+)?(ARMCD\s+(?<group>\S+)\s+)?(?<est>-?\d+\.\d+)\s+0\.05\s+(?<lower>-?\d+\.\d+)\s+(?<upper>-?\d+\.\d+)")]
    private static partial Regex CovarianceRow();
}
