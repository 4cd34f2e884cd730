using System.Globalization;
using CohortAnalysis.Models;
using ScottPlot;

namespace CohortAnalysis.Plotting;

public static partial class CohortPlots
{
    /// <summary>Subgroup forest plot of an ANCOVA: the overall treatment effect and the effect within each subgroup level,
    /// with CI and n per arm, the treatment × subgroup interaction p-value, and "favours" labels on both sides of 0.</summary>
    /// <remarks>
    /// <para>Drawn by <see cref="Forest(IEnumerable{IEstimate}, ForestOptions?, CohortPlotStyle?)"/>: per comparison
    /// ("Psilocybin vs Placebo") a row "All subjects" (the ANCOVA without the interaction) then one row per level
    /// ("SEX = F"), each with its n ("24 vs 30") and LS-mean difference [CI]. The axis title adds the interaction p-value
    /// (one Type III F test over all arms). The favoured sides come from the instrument's direction (a negative change
    /// favours treatment on MADRS or pain scales), or from <see cref="ForestOptions.Favours"/>.</para>
    /// </remarks>
    /// <param name="analysis">From <see cref="Ancova.Subgroups"/>.</param>
    /// <param name="options">Forest options; the axis title defaults to the shared comparison plus the interaction p-value.</param>
    /// <param name="style">Look of the figure; default <see cref="CohortPlotStyle.Default"/>.</param>
    /// <returns>A new plot.</returns>
    public static Plot SubgroupForest(SubgroupAnalysis analysis, ForestOptions? options = null, CohortPlotStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        options ??= ForestOptions.Default;
        var rows = new List<IEstimate>();
        foreach (LsMeanEstimate overall in analysis.Overall)
        {
            rows.Add(overall with { Comparison = overall.Comparison with { Subgroup = "All subjects" } });
            rows.AddRange(analysis.Differences.Where(d => d.Comparison.Arm == overall.Comparison.Arm));
        }
        double p = analysis.Interaction.PValue;
        string interaction = $"treatment × {analysis.Subgroup} interaction p " + (p < 0.001 ? "< 0.001" : "= " + p.ToString("0.000", CultureInfo.InvariantCulture));
        string title = options.EstimateLabel ?? ForestLabels.Of(rows, style ?? CohortPlotStyle.Default).Title;
        return Forest(rows, options with { EstimateLabel = title + "; " + interaction, Scale = ForestScale.Difference }, style);
    }
}
