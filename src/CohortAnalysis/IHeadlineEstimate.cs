namespace CohortAnalysis;

/// <summary>A result made of several estimates that reads, as an <see cref="IEstimate"/>, as one of them: its headline
/// (a responder comparison as its risk difference, a between-arm change as its Welch difference).</summary>
/// <remarks>Every <see cref="IEstimate"/> member defaults to the headline's, so such a result declares only
/// <see cref="Headline"/> (and overrides what it knows better, e.g. a note of its own). The typed parts stay on the
/// result (<c>comparison.RiskRatio</c>); renderers read it through <see cref="IEstimate"/>.</remarks>
public interface IHeadlineEstimate : IEstimate
{
    /// <summary>The estimate this result stands for.</summary>
    IEstimate Headline { get; }

    /// <inheritdoc />
    string IEstimate.Name => Headline.Name;

    /// <inheritdoc />
    double IEstimate.Estimate => Headline.Estimate;

    /// <inheritdoc />
    ConfidenceInterval IEstimate.Ci => Headline.Ci;

    /// <inheritdoc />
    EstimateSizes IEstimate.Sizes => Headline.Sizes;

    /// <inheritdoc />
    Comparison IEstimate.Comparison => Headline.Comparison;

    /// <inheritdoc />
    string IEstimate.Method => Headline.Method;

    /// <inheritdoc />
    string IEstimate.Reference => Headline.Reference;

    /// <inheritdoc />
    string IEstimate.Note => Headline.Note;

    /// <inheritdoc />
    double IEstimate.StandardError => Headline.StandardError;

    /// <inheritdoc />
    double IEstimate.DegreesOfFreedom => Headline.DegreesOfFreedom;

    /// <inheritdoc />
    double IEstimate.Statistic => Headline.Statistic;

    /// <inheritdoc />
    double IEstimate.PValue => Headline.PValue;
}
