using System.Globalization;
using CohortAnalysis.Instruments;
using CohortAnalysis.Models;
using ScottPlot;

namespace CohortAnalysis.Plotting;

public static partial class CohortPlots
{
    /// <summary>Model-based LS means by visit and arm with their confidence intervals, from an MMRM: the figure that goes
    /// with the primary analysis table.</summary>
    /// <remarks>
    /// <para>One line per arm through the LS means of <see cref="MmrmFit.LsMeans"/>, with error bars from the t interval of
    /// each (level and df method as fitted), drawn as <see cref="MeanChange(IEnumerable{ArmVisitPoint}, string, string, CohortPlotStyle?, double, CiMethod, MissingDataMethod)"/>
    /// draws observed means: arms dodged sideways, the reference arm grey, a dotted line at zero, the legend above the data.
    /// Under the time axis, one row per arm gives the subjects observed at each visit: every subject with at least one
    /// post-baseline visit contributes to every LS mean (missing at random), so these counts say how much data each visit
    /// has, not how many subjects the estimate rests on.</para>
    /// <para>The caption names the interval (level, t with the fit's df method), the model, the covariance structure
    /// (and that the fallback chain chose it, when it did) and the missing-data assumption. The vertical axis is named from
    /// the instrument, e.g. "MADRS change from baseline (points)"; visits named "Week N" give a numeric "Week" axis.</para>
    /// </remarks>
    /// <param name="fit">From <see cref="Mmrm.Fit"/>.</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException">The fit has no LS means.</exception>
    public static Plot LsMeanChange(MmrmFit fit, CohortPlotStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        if (fit.LsMeans.Count == 0)
            throw new ArgumentException($"The MMRM of {fit.Parameter} has no LS means to draw.", nameof(fit));
        style ??= CohortPlotStyle.Default;
        Instrument? instrument = InstrumentRegistry.Default.Find(fit.Parameter);
        Visit[] visits = fit.LsMeans.Select(e => e.Comparison.Visit!.Value).Distinct().OrderBy(v => v.Time).ToArray();
        string timeAxis = InstrumentLabels.TimeAxis(visits, style);
        var points = fit.LsMeans.Select(e => new ArmVisitPoint(e.Comparison.Arm!, e.Comparison.Visit!.Value.Time,
            timeAxis == "Visit" ? InstrumentLabels.VisitName(e.Comparison.Visit!.Value, style) : null,
            e.Estimate, e.Ci.Lower, e.Ci.Upper, e.Sizes.Groups.First)).ToList();
        if (style.ReferenceArm is null && fit.ReferenceArm is { } reference)
            style = style with { ReferenceArm = reference };
        string valueLabel = fit.Outcome switch
        {
            ChangeVariable.Change => InstrumentLabels.Change(fit.Parameter, instrument),
            ChangeVariable.PercentChange => InstrumentLabels.PercentChange(fit.Parameter, instrument),
            _ => InstrumentLabels.Score(fit.Parameter, instrument),
        };
        LsMeanEstimate first = fit.LsMeans[0];
        string structure = CovarianceStructureNames.Describe(fit.StructureUsed)
            + (fit.Options.GroupCovariance ? " covariance per arm" : " covariance")
            + (fit.ConvergenceNotes.Count > 0 ? " (chosen by the fallback chain)" : "");
        string caption = string.Create(CultureInfo.InvariantCulture,
            $"LS mean ± {first.Ci.Level * 100:0.##}% CI (t, {DfName(fit.Options.DegreesOfFreedom)} df{(fit.Options.EmpiricalCovariance ? ", empirical SE" : "")}). MMRM ({(fit.Options.Method == EstimationMethod.Reml ? "REML" : "ML")}, {structure}): {fit.Formula}. Missing visits: likelihood-based, valid under MAR. n observed: subjects with a value at the visit.");
        return ArmVisitFigure(points, valueLabel, timeAxis, style, MissingDataMethod.ObservedCases, "n observed", caption);
    }

    private static string DfName(DegreesOfFreedomMethod method) => method switch
    {
        DegreesOfFreedomMethod.Satterthwaite => "Satterthwaite",
        DegreesOfFreedomMethod.KenwardRoger => "Kenward-Roger",
        DegreesOfFreedomMethod.BetweenWithin => "between-within",
        DegreesOfFreedomMethod.Residual => "residual",
        _ => method.ToString(),
    };
}
