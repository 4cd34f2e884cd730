namespace CohortAnalysis.Plotting;

/// <summary>The look shared by every <see cref="CohortPlots"/> figure: font, text sizes, arm colours, visit names.</summary>
/// <remarks>
/// <para>Immutable and thread-safe; derive variants with <c>with</c>:
/// <c>CohortPlotStyle.Default with { ReferenceArm = "Vehicle", ArmOrder = ["Psilocybin 10 mg", "Psilocybin 25 mg"] }</c>.</para>
/// <para>The font is named explicitly (DejaVu Sans by default) rather than left to the platform's choice, so the
/// same code draws the same pixels on every machine that has the font (Debian: <c>fonts-dejavu-core</c>).</para>
/// </remarks>
public sealed record CohortPlotStyle
{
    /// <summary>The house style: DejaVu Sans, 18 px titles, 15 px axis labels, grey reference arm, Okabe–Ito colours for
    /// the other arms, unlabelled visits named "Week N".</summary>
    public static CohortPlotStyle Default { get; } = new();

    /// <value>Default "DejaVu Sans". Every text element of the figure uses this family.</value>
    public string FontName { get; init; } = "DejaVu Sans";

    /// <value>Default 18 (pixels).</value>
    public float TitleFontSize { get; init; } = 18;

    /// <value>Default 15 (pixels): axis titles such as "MADRS change from baseline (points)".</value>
    public float AxisLabelFontSize { get; init; } = 15;

    /// <value>Default 13 (pixels): tick labels, legend entries, annotations.</value>
    public float TickFontSize { get; init; } = 13;

    /// <value>Default 12 (pixels): the caption under each figure (interval level and method, missing-data method).</value>
    public float CaptionFontSize { get; init; } = 12;

    /// <value>Default: Okabe &amp; Ito (2008) colour-blind-safe colours as hex "#RRGGBB", yellow left out because it
    /// is unreadable on white. The arms other than the reference take colours in order (see <see cref="ArmOrder"/>); more
    /// arms than colours reuse them cyclically.</value>
    public IReadOnlyList<string> ArmColors { get; init; } = ArmPalette.OkabeIto;

    /// <value>Default <c>null</c>: the arms other than the reference take <see cref="ArmColors"/> in order of first
    /// appearance in the input (the cohort's arm order for the overloads that take library results). Listing arms here pins
    /// each listed arm to one colour across all figures; arms not listed follow, in order of appearance.</value>
    public IReadOnlyList<string>? ArmOrder { get; init; }

    /// <value>Default <c>null</c>: the reference arm is chosen as the analyses choose it
    /// (<see cref="CohortAnalysis.ReferenceArm.Resolve"/>: the only arm whose name contains "placebo", else the first arm in
    /// ordinal order). Name the arm your analyses use as reference when it differs; in a figure without that arm the
    /// reference is chosen as above.</value>
    public string? ReferenceArm { get; init; }

    /// <value>Default "#7A7A7A" (mid grey): the colour of the reference arm whenever a figure shows two or more arms, so
    /// placebo looks the same in every figure and every dataset.</value>
    public string ReferenceArmColor { get; init; } = "#7A7A7A";

    /// <value>Default "Week": a visit without a label (no AVISIT column) is named "Week 6" from its study time 6, as the
    /// library documents study time (AVISITN) in weeks. Set "Day" or "Month" for other schedules. Labelled visits keep
    /// their label.</value>
    public string VisitUnit { get; init; } = "Week";
}
