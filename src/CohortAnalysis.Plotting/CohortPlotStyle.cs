namespace CohortAnalysis.Plotting;

/// <summary>The look shared by every <see cref="CohortPlots"/> figure: font, text sizes, arm colours.</summary>
/// <remarks>
/// <para>Immutable and thread-safe; derive variants with <c>with</c>:
/// <c>CohortPlotStyle.Default with { ArmOrder = ["Placebo", "Psilocybin 25 mg"] }</c>.</para>
/// <para>The font is named explicitly (DejaVu Sans by default) rather than left to the platform's choice, so the
/// same code draws the same pixels on every machine that has the font (Debian: <c>fonts-dejavu-core</c>).</para>
/// </remarks>
public sealed record CohortPlotStyle
{
    /// <summary>The house style: DejaVu Sans, 16 px titles, 14 px axis labels, Okabe–Ito arm colours.</summary>
    public static CohortPlotStyle Default { get; } = new();

    /// <value>Default "DejaVu Sans". Every text element of the figure uses this family.</value>
    public string FontName { get; init; } = "DejaVu Sans";

    /// <value>Default 18 (pixels).</value>
    public float TitleFontSize { get; init; } = 18;

    /// <value>Default 15 (pixels): axis titles such as "MADRS change from baseline (points)".</value>
    public float AxisLabelFontSize { get; init; } = 15;

    /// <value>Default 13 (pixels): tick labels, legend entries, annotations.</value>
    public float TickFontSize { get; init; } = 13;

    /// <value>Default: Okabe &amp; Ito (2008) colour-blind-safe colours as hex "#RRGGBB", yellow left out because it
    /// is unreadable on white. Arms take colours in order; more arms than colours reuse them cyclically.</value>
    public IReadOnlyList<string> ArmColors { get; init; } = ArmPalette.OkabeIto;

    /// <value>Default <c>null</c>: arms take colours in order of first appearance in the input. Listing arms here
    /// pins each arm to one colour across all figures (arms not listed follow, in order of appearance).</value>
    public IReadOnlyList<string>? ArmOrder { get; init; }
}
