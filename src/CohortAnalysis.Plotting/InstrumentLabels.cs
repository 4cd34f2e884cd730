using System.Globalization;
using CohortAnalysis.Instruments;

namespace CohortAnalysis.Plotting;

/// <summary>Axis titles, visit names and threshold lines derived from an instrument and the visits, shared by the overloads
/// that take library results.</summary>
/// <remarks>Axis titles name the instrument by its code (the parameter code when no instrument is registered), the
/// quantity, the visit when one is given, and the instrument's units: "MADRS change from baseline at Week 12 (points)".</remarks>
internal static class InstrumentLabels
{
    /// <summary>"MADRS change from baseline (points)", or "… at Week 12 (points)" with <paramref name="when"/>; without a
    /// known instrument, "MADRS change from baseline".</summary>
    internal static string Change(string parameter, Instrument? instrument, string? when = null) =>
        $"{Code(parameter, instrument)} change from baseline{At(when)}{Units(instrument, "")}";

    /// <summary>"MADRS percent change from baseline (%)", or "… at Week 12 (%)" with <paramref name="when"/>.</summary>
    internal static string PercentChange(string parameter, Instrument? instrument, string? when = null) =>
        $"{Code(parameter, instrument)} percent change from baseline{At(when)} (%)";

    /// <summary>"MADRS score (points)", or "… at Week 12 (points)" with <paramref name="when"/>; without a known
    /// instrument, "MADRS score".</summary>
    internal static string Score(string parameter, Instrument? instrument, string? when = null) =>
        $"{Code(parameter, instrument)} score{At(when)}{Units(instrument, "")}";

    /// <summary>Percent-change lines for response and every important-change threshold that has a percent, one line per
    /// distinct value (labels merged), signed by the instrument's direction: −50 % for a higher-is-worse scale.</summary>
    internal static IReadOnlyList<Threshold> PercentThresholds(Instrument? instrument)
    {
        if (instrument is null)
            return [];
        double sign = Sign(instrument);
        return Merge([instrument.Response, .. instrument.ImportantChanges],
            t => t.PercentImprovement is { } p ? sign * p : null, v => Signed(v) + " %");
    }

    /// <summary>Change-in-points lines for response and every important-change threshold that has a points criterion
    /// (e.g. −2 for pain NRS, IMMPACT moderately important), one line per distinct value, signed by the instrument's
    /// direction.</summary>
    internal static IReadOnlyList<Threshold> PointThresholds(Instrument? instrument)
    {
        if (instrument is null)
            return [];
        double sign = Sign(instrument);
        return Merge([instrument.Response, .. instrument.ImportantChanges],
            t => t.PointsImprovement is { } p ? sign * p : null, v => Signed(v) + " points");
    }

    /// <summary>The remission cut-off on the score scale, e.g. "remission (≤ 10)" for MADRS.</summary>
    internal static IReadOnlyList<Threshold> ScoreThresholds(Instrument? instrument) =>
        instrument?.Remission is { } r
            ? [new Threshold(r.Score, string.Create(CultureInfo.InvariantCulture, $"remission ({(r.Inclusive ? "≤" : "<")} {r.Score:0.##})"))]
            : [];

    /// <summary>How a figure names a visit: its label (AVISIT) when it has one, else the style's
    /// <see cref="CohortPlotStyle.VisitUnit"/> and the study time, "Week 6" (never a bare "6").</summary>
    internal static string VisitName(Visit visit, CohortPlotStyle style) =>
        visit.Label ?? string.Create(CultureInfo.InvariantCulture, $"{style.VisitUnit} {visit.Time:0.###}");

    /// <summary>Title of a numeric time axis: "Week" when every visit after time 0 is named "Week …" by
    /// <see cref="VisitName"/> (so unlabelled visits count as the style's unit), likewise "Day" and "Month"; otherwise
    /// "Visit".</summary>
    internal static string TimeAxis(IEnumerable<Visit> visits, CohortPlotStyle style)
    {
        string[] labels = visits.Where(v => v.Time > 0).Select(v => VisitName(v, style)).ToArray();
        foreach (string unit in new[] { style.VisitUnit, "Week", "Day", "Month" }.Distinct())
        {
            if (labels.Length > 0 && labels.All(l => l.StartsWith(unit + " ", StringComparison.OrdinalIgnoreCase)))
                return unit;
        }
        return "Visit";
    }

    /// <summary>"OC", "LOCF", "BOCF", "WOCF": the short name of a missing-data method for labels.</summary>
    internal static string MissingDataCode(MissingDataMethod method) => method switch
    {
        MissingDataMethod.ObservedCases => "OC",
        _ => method.ToString().ToUpperInvariant(),
    };

    private static IReadOnlyList<Threshold> Merge(IEnumerable<ChangeThreshold> thresholds, Func<ChangeThreshold, double?> position,
        Func<double, string> text) =>
        thresholds.Select(t => (Value: position(t), t.Name)).Where(t => t.Value is not null)
            .GroupBy(t => t.Value!.Value)
            .Select(g => new Threshold(g.Key, $"{text(g.Key)} ({string.Join("; ", g.Select(t => t.Name).Distinct())})"))
            .OrderBy(t => Math.Abs(t.Value))
            .ToList();

    // Improvement is a fall in score on a higher-is-worse scale, so its threshold lines sit below zero.
    private static double Sign(Instrument instrument) => instrument.Direction == ScoreDirection.HigherIsWorse ? -1 : 1;

    // A true minus sign reads better than a hyphen on an axis or legend.
    private static string Signed(double value) =>
        (value < 0 ? "−" : "+") + Math.Abs(value).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Code(string parameter, Instrument? instrument) => instrument?.Code ?? parameter;

    private static string Units(Instrument? instrument, string fallback) => instrument is null ? fallback : $" ({instrument.Units})";

    private static string At(string? when) => when is null ? "" : " at " + when;
}
