namespace CohortAnalysis;

/// <summary>The alternative hypothesis, and so the sidedness of a confidence interval.</summary>
/// <remarks>As R's <c>alternative = "two.sided" | "less" | "greater"</c> and SAS <c>SIDES=2|L|U</c>.
/// A one-sided interval at level 1 − α has one infinite bound.</remarks>
public enum Alternative
{
    /// <summary>Two-sided (R <c>"two.sided"</c>, SAS <c>SIDES=2</c>).</summary>
    TwoSided,
    /// <summary>The true value is less than the null value; interval (−∞, upper] (R <c>"less"</c>, SAS <c>SIDES=L</c>).</summary>
    Less,
    /// <summary>The true value is greater than the null value; interval [lower, ∞) (R <c>"greater"</c>, SAS <c>SIDES=U</c>).</summary>
    Greater,
}
