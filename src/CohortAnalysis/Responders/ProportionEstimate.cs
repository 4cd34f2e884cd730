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
public sealed record ProportionEstimate(int Responders, int N, double Value, ConfidenceInterval Ci, string Method, string Reference)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"proportion = {Responders}/{N} = {Value:0.####}, {Ci}");
}
