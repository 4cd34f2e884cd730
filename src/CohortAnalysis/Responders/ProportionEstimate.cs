using System.Globalization;

namespace CohortAnalysis.Responders;

/// <summary>A proportion (response or remission rate) with its confidence interval.</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
/// <param name="Responders">x, the number of responders.</param>
/// <param name="N">n, the number of subjects.</param>
/// <param name="Value">x/n.</param>
/// <param name="Ci">The interval (always within [0, 1]).</param>
/// <param name="Method">CI method in words.</param>
/// <param name="Reference">Citation.</param>
public sealed record ProportionEstimate(int Responders, int N, double Value, ConfidenceInterval Ci, string Method, string Reference) : ITabular
{
    /// <summary>One row: responders, n, proportion and CI; notes give the CI method and reference.</summary>
    public TableView ToTableView() => TableView.Create("Proportion",
        [new("Responders", true), new("n", true), new("Proportion", true), new(Display.CiHeader(Ci), true)],
        [[Display.Integer(Responders), Display.Integer(N), Display.Number(Value, "0.000"), Display.Interval(Ci, "0.000")]],
        Display.EstimateNotes(Ci, Method, Reference));

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"proportion = {Responders}/{N} = {Value:0.####}, {Ci}");
}
