namespace CohortAnalysis.Plotting;

/// <summary>Assigns each arm one colour, the same in every figure drawn with the same style and arms.</summary>
internal sealed class ArmPalette
{
    // Okabe, M. & Ito, K. (2008) Color Universal Design: distinguishable under the common colour-vision deficiencies.
    // Blue and vermillion first: the two-arm case (placebo vs active) gets the most distinct pair. Yellow (#F0E442)
    // is omitted because thin lines in it vanish on a white background.
    internal static readonly IReadOnlyList<string> OkabeIto =
        ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];

    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly List<string> arms = [];  // every arm that has a colour, including listed-but-absent ones
    private readonly IReadOnlyList<string> colors;
    private readonly List<string> present = [];

    internal ArmPalette(CohortPlotStyle style, IEnumerable<string> armsInInputOrder)
    {
        if (style.ArmColors.Count == 0)
            throw new ArgumentException("CohortPlotStyle.ArmColors must list at least one colour.", nameof(style));
        colors = style.ArmColors;
        var inInput = new HashSet<string>(armsInInputOrder, StringComparer.Ordinal);
        foreach (string arm in (style.ArmOrder ?? []).Concat(armsInInputOrder))
        {
            if (index.ContainsKey(arm))
                continue;
            index[arm] = arms.Count;
            arms.Add(arm);
            if (inInput.Contains(arm))
                present.Add(arm);
        }
    }

    /// <summary>Arms present in the input, in colour order: the style's <see cref="CohortPlotStyle.ArmOrder"/>,
    /// then order of appearance.</summary>
    internal IReadOnlyList<string> Arms => present;

    internal ScottPlot.Color ColorOf(string arm) => ScottPlot.Color.FromHex(colors[index[arm] % colors.Count]);
}
