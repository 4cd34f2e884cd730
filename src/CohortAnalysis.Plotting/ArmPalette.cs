namespace CohortAnalysis.Plotting;

/// <summary>Assigns each arm one colour, the same in every figure drawn with the same style and arms: the reference arm
/// grey, the others the style's colours in a stable order.</summary>
internal sealed class ArmPalette
{
    // Okabe, M. & Ito, K. (2008) Color Universal Design: distinguishable under the common colour-vision deficiencies.
    // Blue and vermillion first: the two-arm case (placebo vs active) gets the most distinct pair. Yellow (#F0E442)
    // is omitted because thin lines in it vanish on a white background.
    internal static readonly IReadOnlyList<string> OkabeIto =
        ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];

    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> colors;
    private readonly List<string> present = [];

    internal ArmPalette(CohortPlotStyle style, IEnumerable<string> armsInInputOrder)
    {
        if (style.ArmColors.Count == 0)
            throw new ArgumentException("CohortPlotStyle.ArmColors must list at least one colour.", nameof(style));
        colors = style.ArmColors;
        string[] input = armsInInputOrder.Distinct(StringComparer.Ordinal).ToArray();
        // The reference arm is resolved as the analyses resolve it, so it is the same arm in a forest plot and in the
        // mean-change figure; it is only singled out when there is something to compare it with.
        if (input.Length >= 2)
        {
            string? given = style.ReferenceArm is { } r && input.Contains(r, StringComparer.Ordinal) ? r : null;
            Reference = given ?? CohortAnalysis.ReferenceArm.Resolve(input, null).Arm;
            present.Add(Reference);
        }
        var listed = new HashSet<string>(input, StringComparer.Ordinal);
        int next = 0;
        foreach (string arm in (style.ArmOrder ?? []).Concat(input))
        {
            if (arm == Reference || index.ContainsKey(arm))
                continue;
            index[arm] = next++;   // listed-but-absent arms keep their slot, so present arms keep their colour
            if (listed.Contains(arm))
                present.Add(arm);
        }
        ReferenceColor = ScottPlot.Color.FromHex(style.ReferenceArmColor);
    }

    /// <summary>The reference arm drawn in <see cref="CohortPlotStyle.ReferenceArmColor"/>, or null for a one-arm figure.</summary>
    internal string? Reference { get; }

    private ScottPlot.Color ReferenceColor { get; }

    /// <summary>Arms present in the input: the reference first, then the others in colour order (the style's
    /// <see cref="CohortPlotStyle.ArmOrder"/>, then order of appearance).</summary>
    internal IReadOnlyList<string> Arms => present;

    internal ScottPlot.Color ColorOf(string arm) =>
        arm == Reference ? ReferenceColor : ScottPlot.Color.FromHex(colors[index[arm] % colors.Count]);
}
