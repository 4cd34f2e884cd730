namespace CohortAnalysis.Plotting;

/// <summary>How a forest plot of estimates places its axis and which side it says favours treatment.</summary>
/// <remarks>Immutable and thread-safe. The defaults read what they need from the estimates themselves; set a member to
/// override what they infer.</remarks>
public sealed record ForestOptions
{
    /// <summary>Infer everything from the estimates.</summary>
    public static ForestOptions Default { get; } = new();

    /// <value>Default <see cref="ForestScale.Auto"/>: a ratio axis (log scale, no effect at 1) when every interval was
    /// computed on the log scale (<see cref="CiMethod.LogWald"/>, <see cref="CiMethod.ExactConditional"/>), else a
    /// difference axis (no effect at 0).</value>
    public ForestScale Scale { get; init; } = ForestScale.Auto;

    /// <value>Default <see cref="ForestFavours.Auto"/>: from the instrument's score direction when every row compares two
    /// arms on a registered instrument with a continuous-data interval (on a higher-is-worse scale such as MADRS a negative
    /// difference favours the treatment arm); no labels otherwise (a proportion of responders or of adverse events can
    /// point either way: say which).</value>
    public ForestFavours Favours { get; init; } = ForestFavours.Auto;

    /// <value>Default "0.00": .NET format of the numbers in the estimate column, applied invariantly.</value>
    public string NumberFormat { get; init; } = "0.00";

    /// <value>Default <c>null</c>: the axis is titled from what all rows share, e.g. "Hedges' g, MADRS CHG, Psilocybin 25 mg
    /// vs Placebo".</value>
    public string? EstimateLabel { get; init; }
}

/// <summary>The horizontal axis of a forest plot.</summary>
public enum ForestScale
{
    /// <summary>Chosen from the estimates' interval methods (see <see cref="ForestOptions.Scale"/>).</summary>
    Auto,
    /// <summary>Linear axis, no-effect line at 0: differences, effect sizes.</summary>
    Difference,
    /// <summary>Log10 axis labelled with the ratios, no-effect line at 1: risk, odds and hazard ratios.</summary>
    Ratio,
}

/// <summary>Which side of the no-effect line favours the treatment arm (the <see cref="Comparison.Arm"/>, compared with
/// <see cref="Comparison.ReferenceArm"/>).</summary>
public enum ForestFavours
{
    /// <summary>Chosen from the instrument's score direction (see <see cref="ForestOptions.Favours"/>).</summary>
    Auto,
    /// <summary>No "favours" labels.</summary>
    None,
    /// <summary>Values below no effect favour treatment: a fall in a higher-is-worse score (MADRS, pain NRS).</summary>
    LowerFavoursTreatment,
    /// <summary>Values above no effect favour treatment: more responders, a rise in a higher-is-better score.</summary>
    HigherFavoursTreatment,
}
