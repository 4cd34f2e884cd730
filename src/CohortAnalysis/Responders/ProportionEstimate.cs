using System.Globalization;

namespace CohortAnalysis.Responders;

/// <summary>A proportion (response or remission rate) with its confidence interval.</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
/// <param name="Responders">x, the number of responders.</param>
/// <param name="Sizes">n, the number of subjects (the denominator), and any subjects left out of it.</param>
/// <param name="Estimate">x/n.</param>
/// <param name="Ci">The interval (always within [0, 1]).</param>
/// <param name="Method">CI method in words.</param>
/// <param name="Reference">Citation.</param>
public sealed record ProportionEstimate(int Responders, EstimateSizes Sizes, double Estimate, ConfidenceInterval Ci, string Method, string Reference)
    : ITabular, IEstimate
{
    /// <summary>The arm, parameter, visit and missing-data method of the rate; <see cref="Comparison.None"/> for plain counts.</summary>
    public Comparison Comparison { get; init; } = Comparison.None;

    /// <summary>"Proportion".</summary>
    public string Name => "Proportion";

    /// <summary>Empty, or how non-evaluable subjects were handled.</summary>
    public string Note { get; init; } = "";

    /// <summary>One row: responders, n, proportion and CI; notes give the CI method and reference.</summary>
    public TableView ToTableView() => TableView.Create("Proportion",
        [new("Responders", true), new("n", true), new("Proportion", true), new(Display.CiHeader(Ci), true)],
        [[Display.Integer(Responders), Display.Integer(Sizes.Used), Display.Number(Estimate, "0.000"), Display.Interval(Ci, "0.000")]],
        Display.EstimateNotes(Ci, Method, Reference, Note));

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"proportion = {Responders}/{Sizes.Used} = {Estimate:0.####}, {Ci}");
}
