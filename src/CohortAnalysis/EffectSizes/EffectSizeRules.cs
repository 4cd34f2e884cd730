namespace CohortAnalysis.EffectSizes;

/// <summary>Published rules of thumb for labelling effect sizes, with the cut-offs of R effectsize's
/// <c>interpret_cohens_d</c> and <c>interpret_r</c>.</summary>
/// <remarks>Rules of thumb are conventions, not clinical importance: in trials, judge effects against the
/// instrument's MCID. Gignac &amp; Szodorai (2016) is a rule for r; to label a d with it, convert first with
/// <see cref="EffectSizeConversions.DToR(double, int?, int?)"/> (as effectsize does).</remarks>
public static class EffectSizeRules
{
    /// <summary>Cohen (1988) for d: &lt; 0.2 very small, &lt; 0.5 small, &lt; 0.8 medium, else large (effectsize "cohen1988", its default).</summary>
    public static EffectSizeRule Cohen1988D { get; } = new("cohen1988", "Cohen 1988", Citations.Cohen1988,
        [0.2, 0.5, 0.8], ["very small", "small", "medium", "large"]);

    /// <summary>Sawilowsky (2009) for d: 0.1 / 0.2 / 0.5 / 0.8 / 1.2 / 2 → tiny … huge (effectsize "sawilowsky2009").</summary>
    public static EffectSizeRule Sawilowsky2009D { get; } = new("sawilowsky2009", "Sawilowsky 2009", Citations.Sawilowsky2009,
        [0.1, 0.2, 0.5, 0.8, 1.2, 2], ["tiny", "very small", "small", "medium", "large", "very large", "huge"]);

    /// <summary>Lovakov &amp; Agadullina (2021) for d: 0.15 / 0.36 / 0.65 (effectsize "lovakov2021").</summary>
    public static EffectSizeRule Lovakov2021D { get; } = new("lovakov2021", "Lovakov & Agadullina 2021", Citations.Lovakov2021,
        [0.15, 0.36, 0.65], ["very small", "small", "medium", "large"]);

    /// <summary>Cohen (1988) for r: 0.1 / 0.3 / 0.5 → very small, small, moderate, large (effectsize <c>interpret_r(rules = "cohen1988")</c>).</summary>
    public static EffectSizeRule Cohen1988R { get; } = new("cohen1988", "Cohen 1988", Citations.Cohen1988,
        [0.1, 0.3, 0.5], ["very small", "small", "moderate", "large"]);

    /// <summary>Gignac &amp; Szodorai (2016) for r: 0.1 / 0.2 / 0.3 → very small, small, moderate, large (effectsize "gignac2016").</summary>
    public static EffectSizeRule Gignac2016R { get; } = new("gignac2016", "Gignac & Szodorai 2016", Citations.GignacSzodorai2016,
        [0.1, 0.2, 0.3], ["very small", "small", "moderate", "large"]);

    /// <summary>Funder &amp; Ozer (2019) for r: 0.05 / 0.1 / 0.2 / 0.3 / 0.4 (effectsize "funder2019", the default of <c>interpret_r</c>).</summary>
    public static EffectSizeRule Funder2019R { get; } = new("funder2019", "Funder & Ozer 2019", Citations.FunderOzer2019,
        [0.05, 0.1, 0.2, 0.3, 0.4], ["tiny", "very small", "small", "medium", "large", "very large"]);

    /// <summary>Lovakov &amp; Agadullina (2021) for r: 0.12 / 0.24 / 0.41 (effectsize "lovakov2021").</summary>
    public static EffectSizeRule Lovakov2021R { get; } = new("lovakov2021", "Lovakov & Agadullina 2021", Citations.Lovakov2021,
        [0.12, 0.24, 0.41], ["very small", "small", "medium", "large"]);

    /// <summary>All rule sets above, for look-up by name in a UI or CLI.</summary>
    public static IReadOnlyList<EffectSizeRule> All { get; } =
        [Cohen1988D, Sawilowsky2009D, Lovakov2021D, Cohen1988R, Gignac2016R, Funder2019R, Lovakov2021R];
}
