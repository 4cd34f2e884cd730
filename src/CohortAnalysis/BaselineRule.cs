using System.Globalization;

namespace CohortAnalysis;

/// <summary>How the baseline value of each subject × parameter is chosen.</summary>
/// <remarks>Immutable. Change from baseline (CHG = AVAL − BASE) is derived for post-baseline visits only; the
/// baseline record's own CHG is missing (not 0), as tern summarises AVAL at baseline and CHG after
/// (pharmaverse/admiral#1876). Percent change PCHG = 100·CHG/|BASE| (admiral <c>derive_var_pchg</c>) is
/// missing when BASE = 0, and each such case is recorded in the data-quality report.</remarks>
public sealed record BaselineRule
{
    private BaselineRule(BaselineRuleKind kind, double visit) { Kind = kind; Visit = visit; }

    /// <summary>Default: the ADaM baseline flag (ABLFL = "Y") when the source maps one, otherwise the last
    /// non-missing value at or before visit 0.</summary>
    public static BaselineRule Default { get; } = new(BaselineRuleKind.FlagOrLastAtOrBefore, 0);

    /// <summary>The last non-missing value at or before <paramref name="visit"/> (e.g. screening −1 and day 0).</summary>
    public static BaselineRule LastNonMissingAtOrBefore(double visit)
    {
        Guard.Finite(visit);
        return new(BaselineRuleKind.LastAtOrBefore, visit);
    }

    /// <summary>The record flagged by the baseline flag column (ADaM ABLFL = "Y"); the flag column is required.</summary>
    public static BaselineRule Flagged { get; } = new(BaselineRuleKind.Flag, double.NaN);

    /// <summary>Which rule this is.</summary>
    public BaselineRuleKind Kind { get; }

    /// <summary>The baseline visit for the last-non-missing rule (NaN for <see cref="Flagged"/>).</summary>
    public double Visit { get; }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        BaselineRuleKind.Flag => "baseline flag (ABLFL = Y)",
        BaselineRuleKind.LastAtOrBefore => string.Create(CultureInfo.InvariantCulture, $"last non-missing value at or before visit {Visit:0.###}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"baseline flag when present, else last non-missing value at or before visit {Visit:0.###}"),
    };
}

/// <summary>The kinds of <see cref="BaselineRule"/>.</summary>
public enum BaselineRuleKind
{
    /// <summary>Flag when the source has one, else last non-missing at or before the baseline visit.</summary>
    FlagOrLastAtOrBefore,
    /// <summary>Last non-missing value at or before the baseline visit.</summary>
    LastAtOrBefore,
    /// <summary>The flagged record.</summary>
    Flag,
}
