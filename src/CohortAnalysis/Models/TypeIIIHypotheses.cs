namespace CohortAnalysis.Models;

/// <summary>Type III hypothesis rows (L) for the terms of an ANCOVA-type model: factor main effects, two-factor interactions
/// and continuous covariates that enter as main effects only.</summary>
/// <remarks>
/// <para>Factor A: the differences of its equal-weight LS means (level i − first level), i.e. equality of the unweighted
/// marginal means — SAS's Type III hypothesis for A and that of <c>car::Anova(type = 3)</c> with <c>contr.sum</c>.
/// Interaction A×B: the interaction contrasts μᵢⱼ − μ₁ⱼ − μᵢ₁ + μ₁₁ (i, j ≥ 2) of the equal-weight A×B cell means.
/// Continuous X (no interaction with X): its slope. Reference: SAS/STAT User's Guide, "The Four Types of Estimable
/// Functions"; Searle (1987), Linear Models for Unbalanced Data.</para>
/// </remarks>
internal static class TypeIIIHypotheses
{
    public static IReadOnlyList<double[]> Of(ModelFrame frame, int termIndex)
    {
        ModelTerm term = frame.Terms[termIndex];
        ModelVariable[] variables = term.Variables.Select(v => frame.Data[v]).ToArray();
        if (variables.Length == 1 && variables[0] is NumericVariable)
        {
            if (frame.Terms.Any(t => t.Variables.Count > 1 && t.Contains(term.Variables[0])))
                throw new NotSupportedException($"Type III test of {term.Label}: continuous covariates in interactions are not supported here.");
            (int start, _) = frame.TermColumns[termIndex];
            var l = new double[frame.ColumnCount];
            l[start] = 1;
            return [l];
        }
        if (variables.All(v => v is FactorVariable) && variables.Length <= 2)
        {
            ReferenceGrid grid = ReferenceGrid.Build(frame, term.Variables, LsMeanWeights.Equal);
            if (variables.Length == 1)
                return grid.Cells.Skip(1).Select(c => ReferenceGrid.Difference(c, grid.Cells[0])).ToArray();
            int a = ((FactorVariable)variables[0]).Levels.Length, b = ((FactorVariable)variables[1]).Levels.Length;
            var rows = new List<double[]>();
            for (int i = 1; i < a; i++)
                for (int j = 1; j < b; j++)
                {
                    var c = new double[a * b];     // cells: last factor fastest
                    c[i * b + j] = 1; c[j] = -1; c[i * b] = -1; c[0] = 1;
                    rows.Add(grid.Contrast(c));
                }
            return rows;
        }
        throw new NotSupportedException($"Type III test of {term.Label}: only factors, two-factor interactions and continuous main effects are supported.");
    }
}
