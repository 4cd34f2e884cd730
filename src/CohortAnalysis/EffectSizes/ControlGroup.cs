namespace CohortAnalysis.EffectSizes;

/// <summary>Which group is the control (reference) group whose SD standardizes Glass's Δ.</summary>
public enum ControlGroup
{
    /// <summary>The second group (<c>y</c>), as R effectsize <c>glass_delta(x, y)</c> and metafor <c>"SMD1"</c> (sd2i).</summary>
    Second,
    /// <summary>The first group (<c>x</c>).</summary>
    First,
}
