using System.Globalization;

namespace CohortAnalysis.Instruments;

/// <summary>A rating scale: its code, valid range, direction and the response, remission and
/// clinically-important-change conventions the literature gives for it.</summary>
/// <remarks>
/// <para>Immutable and thread-safe. The built-in instruments are static members (<see cref="Madrs"/>,
/// <see cref="PainNrs"/>, …) and make up <see cref="InstrumentRegistry.Default"/>; a study-specific scale is
/// registered with <see cref="InstrumentRegistry.With(Instrument)"/>.</para>
/// <para>Scores are validated against [<see cref="Minimum"/>, <see cref="Maximum"/>] when a cohort is loaded.</para>
/// </remarks>
/// <param name="Code">The PARAMCD a data file uses for it, e.g. "MADRS".</param>
/// <param name="Name">Full name, e.g. "Montgomery–Åsberg Depression Rating Scale".</param>
/// <param name="Minimum">Lowest possible score.</param>
/// <param name="Maximum">Highest possible score.</param>
/// <param name="Units">Axis/table units, e.g. "points" or "mm".</param>
/// <param name="Direction">Whether higher scores are worse (all built-ins) or better.</param>
/// <param name="Response">The conventional response threshold (e.g. ≥ 50 % improvement from baseline).</param>
/// <param name="Remission">The conventional remission cut-off, or null where none is conventional (pain scales).</param>
/// <param name="ImportantChanges">Minimal / moderately / substantially important change thresholds (MCID), possibly empty.</param>
/// <param name="Aliases">Other PARAMCDs or spellings that mean this instrument (matched case-insensitively).</param>
/// <param name="Source">Reference for the instrument and its range.</param>
public sealed record Instrument(
    string Code,
    string Name,
    double Minimum,
    double Maximum,
    string Units,
    ScoreDirection Direction,
    ChangeThreshold Response,
    RemissionCutoff? Remission,
    IReadOnlyList<ChangeThreshold> ImportantChanges,
    IReadOnlyList<string> Aliases,
    string Source)
{
    /// <summary>Whether <paramref name="score"/> lies inside the instrument's range (inclusive).</summary>
    public bool InRange(double score) => score >= Minimum && score <= Maximum;

    /// <summary>The range as text, e.g. "0–60" for MADRS.</summary>
    public string RangeText => string.Create(CultureInfo.InvariantCulture, $"{Minimum:0.##}–{Maximum:0.##}");

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Name}, range {RangeText} {Units}, {(Direction == ScoreDirection.HigherIsWorse ? "higher = worse" : "higher = better")}";

    // Records compare lists by reference; instruments are identified by code.
    /// <inheritdoc />
    public bool Equals(Instrument? other) => other is not null && string.Equals(Code, other.Code, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Code);

    private const string Pain30 = "moderately important";
    private const string Pain50 = "substantially important";

    private static ChangeThreshold HalfReduction(string source) => new("response", 50, null, source);

    /// <summary>MADRS, 10 items scored 0–6, total 0–60. Response ≥ 50 % reduction; remission ≤ 10
    /// (Hawley 2002; Goodwin 2022); MCID 1.6–1.9 points (distribution-based, Duru &amp; Fantino 2008), not encoded.</summary>
    public static Instrument Madrs { get; } = new(
        "MADRS", "Montgomery–Åsberg Depression Rating Scale", 0, 60, "points", ScoreDirection.HigherIsWorse,
        HalfReduction(Citations.Riedel2010),
        new RemissionCutoff(10, true, Citations.Hawley2002),
        [],
        ["MADRS10", "MADRSTOT", "MADRS_TOTAL"],
        Citations.MontgomeryAsberg1979);

    /// <summary>HAM-D-17 / GRID-HAMD-17, total 0–52. Response ≥ 50 % reduction; remission ≤ 7 (Frank 1991);
    /// MCID 3 points (NICE 2004).</summary>
    public static Instrument HamD17 { get; } = new(
        "HAMD17", "Hamilton Depression Rating Scale, 17 items", 0, 52, "points", ScoreDirection.HigherIsWorse,
        HalfReduction(Citations.Frank1991),
        new RemissionCutoff(7, true, Citations.Frank1991),
        [new ChangeThreshold("minimal clinically important difference", null, 3, "NICE (2004) Depression: management of depression in primary and secondary care, CG23.")],
        ["HAMD", "HAMD-17", "HAM-D-17", "HAMD_17", "GRIDHAMD", "GRID-HAMD-17"],
        Citations.Hamilton1960);

    /// <summary>QIDS-SR16, total 0–27. Response ≥ 50 % reduction; remission ≤ 5 (Rush 2003).</summary>
    public static Instrument QidsSr16 { get; } = new(
        "QIDSSR16", "Quick Inventory of Depressive Symptomatology, self-report, 16 items", 0, 27, "points", ScoreDirection.HigherIsWorse,
        HalfReduction(Citations.Rush2003),
        new RemissionCutoff(5, true, Citations.Rush2003),
        [],
        ["QIDS", "QIDS-SR16", "QIDSSR", "QIDS_SR16"],
        Citations.Rush2003);

    /// <summary>BDI-II, 21 items, total 0–63. Response ≥ 50 % reduction; remission ≤ 12 (Riedel 2010);
    /// MCID ≥ 5 points (IMMPACT, Dworkin 2008).</summary>
    public static Instrument BdiII { get; } = new(
        "BDI2", "Beck Depression Inventory-II", 0, 63, "points", ScoreDirection.HigherIsWorse,
        HalfReduction(Citations.Riedel2010),
        new RemissionCutoff(12, true, Citations.Riedel2010),
        [new ChangeThreshold("minimal clinically important difference", null, 5, Citations.Dworkin2008)],
        ["BDI", "BDI-II", "BDIII", "BDI_II"],
        Citations.Beck1996);

    /// <summary>PHQ-9, total 0–27. Response ≥ 50 % reduction; remission &lt; 5 (Kroenke 2001); MCID 5 points (Löwe 2004).</summary>
    public static Instrument Phq9 { get; } = new(
        "PHQ9", "Patient Health Questionnaire-9", 0, 27, "points", ScoreDirection.HigherIsWorse,
        HalfReduction(Citations.Kroenke2001),
        new RemissionCutoff(5, false, Citations.Kroenke2001),
        [new ChangeThreshold("minimal clinically important difference", null, 5, Citations.Lowe2004)],
        ["PHQ-9", "PHQ_9"],
        Citations.Kroenke2001);

    /// <summary>Pain intensity numeric rating scale, 0–10 (11 points). Response (substantial) ≥ 50 %;
    /// IMMPACT: ≥ 30 % or ≥ 2 points moderately important, ≥ 50 % substantial (Dworkin 2008; Farrar 2001).
    /// No remission cut-off is conventional.</summary>
    public static Instrument PainNrs { get; } = new(
        "PAINNRS", "Pain intensity numeric rating scale (0–10)", 0, 10, "points", ScoreDirection.HigherIsWorse,
        new ChangeThreshold("response", 50, null, Citations.Dworkin2008),
        null,
        [new ChangeThreshold(Pain30, 30, 2, Citations.Farrar2001), new ChangeThreshold(Pain50, 50, null, Citations.Dworkin2008)],
        ["PAIN_NRS", "NRS", "PINRS", "PI-NRS", "PAIN"],
        Citations.Dworkin2008);

    /// <summary>Pain intensity visual analogue scale, 0–100 mm. IMMPACT thresholds as for the NRS
    /// (≥ 30 % moderately, ≥ 50 % substantially important); no remission cut-off.</summary>
    public static Instrument PainVas { get; } = new(
        "PAINVAS", "Pain intensity visual analogue scale (0–100 mm)", 0, 100, "mm", ScoreDirection.HigherIsWorse,
        new ChangeThreshold("response", 50, null, Citations.Dworkin2008),
        null,
        [new ChangeThreshold(Pain30, 30, null, Citations.Dworkin2008), new ChangeThreshold(Pain50, 50, null, Citations.Dworkin2008)],
        ["PAIN_VAS", "VAS"],
        Citations.Dworkin2008);

    /// <summary>Brief Pain Inventory pain severity (mean of 4 items), 0–10. IMMPACT pain-intensity rules apply
    /// (≥ 30 % or ≥ 2 points moderately, ≥ 50 % substantially important).</summary>
    public static Instrument BpiSeverity { get; } = new(
        "BPISEV", "Brief Pain Inventory, pain severity (mean of 4 items)", 0, 10, "points", ScoreDirection.HigherIsWorse,
        new ChangeThreshold("response", 50, null, Citations.Dworkin2008),
        null,
        [new ChangeThreshold(Pain30, 30, 2, Citations.Dworkin2008), new ChangeThreshold(Pain50, 50, null, Citations.Dworkin2008)],
        ["BPI_SEV", "BPISEVERITY", "BPI-SEV"],
        Citations.Cleeland1994);

    /// <summary>Brief Pain Inventory pain interference (mean of 7 items), 0–10. Response ≥ 50 %; IMMPACT: a
    /// decrease of ≥ 1 point is minimally important.</summary>
    public static Instrument BpiInterference { get; } = new(
        "BPIINT", "Brief Pain Inventory, pain interference (mean of 7 items)", 0, 10, "points", ScoreDirection.HigherIsWorse,
        new ChangeThreshold("response", 50, null, Citations.Dworkin2008),
        null,
        [new ChangeThreshold("minimally important", null, 1, Citations.Dworkin2008)],
        ["BPI_INT", "BPIINTERFERENCE", "BPI-INT"],
        Citations.Cleeland1994);
}
