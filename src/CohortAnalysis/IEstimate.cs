namespace CohortAnalysis;

/// <summary>The contract every estimate in CohortAnalysis keeps: a number, its confidence interval (level and method),
/// the sizes it used, what it compares, how it was computed and the source of the formula.</summary>
/// <remarks>
/// <para>Every result record implements it, so one renderer per output (text table, tidy DataFrame, JSON, CSV, HTML,
/// forest rows; see <c>CohortAnalysis.Rendering</c>) serves them all. Sign convention for between-arm estimates:
/// <see cref="Comparison.Arm"/> − <see cref="Comparison.ReferenceArm"/> (a ratio: arm / reference).</para>
/// <para>Optional statistics (<see cref="StandardError"/>, <see cref="DegreesOfFreedom"/>, <see cref="Statistic"/>,
/// <see cref="PValue"/>) are NaN when the estimate does not have them.</para>
/// </remarks>
public interface IEstimate
{
    /// <summary>Display name of the quantity, e.g. "Hedges' g", "Mean difference", "LS mean difference", "Risk ratio".</summary>
    string Name { get; }

    /// <summary>The point estimate; NaN when not estimable (<see cref="Note"/> says why).</summary>
    double Estimate { get; }

    /// <summary>The confidence interval with its level and method.</summary>
    ConfidenceInterval Ci { get; }

    /// <summary>The sizes used, and the counts of missing and excluded values.</summary>
    EstimateSizes Sizes { get; }

    /// <summary>What is compared: parameter, visit, variable, arm and reference arm, missing-data method.</summary>
    Comparison Comparison { get; }

    /// <summary>How it was computed, in words (standardizer, correction, test variant).</summary>
    string Method { get; }

    /// <summary>The primary source of the formula (a paper or manual).</summary>
    string Reference { get; }

    /// <summary>Anything the reader must know: why the estimate is NaN, a guessed reference arm; empty otherwise.</summary>
    string Note { get; }

    /// <summary>Standard error, or NaN.</summary>
    double StandardError => double.NaN;

    /// <summary>Degrees of freedom of the test and interval, or NaN (normal-theory, exact or resampling methods).</summary>
    double DegreesOfFreedom => double.NaN;

    /// <summary>The test statistic (t, z, F, χ², W, U), or NaN.</summary>
    double Statistic => double.NaN;

    /// <summary>The p-value of the accompanying test, or NaN.</summary>
    double PValue => double.NaN;
}
