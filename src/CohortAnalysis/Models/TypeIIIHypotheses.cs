namespace CohortAnalysis.Models;

/// <summary>Type III hypothesis rows (L) for the terms of an ANCOVA or MMRM: factor main effects, two-factor
/// interactions, continuous covariates, and continuous × factor interactions (BASE*VISIT).</summary>
/// <remarks>
/// <para>Factor A: the differences of its equal-weight marginal means (level i − first level), i.e. equality of the
/// unweighted marginal means — SAS's Type III hypothesis for A and that of <c>car::Anova(type = 3)</c> with
/// <c>contr.sum</c>. Interaction A×B: the interaction contrasts μᵢⱼ − μ₁ⱼ − μᵢ₁ + μ₁₁ (i, j ≥ 2) of the equal-weight A×B
/// cell means. Continuous X: its slope, averaged with equal weights over the levels of the factors it interacts with.
/// Continuous × factor X×A: the slope at level i minus the slope at the first level. Marginal means are taken with the
/// continuous variables at 0, as SAS and lmerTest do: it matters only for a factor that interacts with a continuous
/// variable (VISIT beside BASE*VISIT), whose test is then at BASE = 0; differences of other factors do not depend on it.
/// Reference: SAS/STAT User's Guide, "The Four Types of Estimable Functions"; Searle (1987), Linear Models for
/// Unbalanced Data; lmerTest (Kuznetsova, Brockhoff &amp; Christensen 2017) <c>anova(type = 3)</c>.</para>
/// </remarks>
internal static class TypeIIIHypotheses
{
    public static IReadOnlyList<double[]> Of(ModelFrame frame, int termIndex)
    {
        ModelTerm term = frame.Terms[termIndex];
        ModelVariable[] variables = term.Variables.Select(v => frame.Data[v]).ToArray();
        FactorVariable[] factors = variables.OfType<FactorVariable>().ToArray();
        NumericVariable[] numerics = variables.OfType<NumericVariable>().ToArray();
        if (numerics.Length == 1 && factors.Length <= 1)
        {
            NumericVariable x = numerics[0];
            if (factors.Length == 0) return [Slope(frame, x, null, 0)];
            FactorVariable a = factors[0];
            double[] first = Slope(frame, x, a, 0);
            return Enumerable.Range(1, a.Levels.Length - 1).Select(i => Minus(Slope(frame, x, a, i), first)).ToArray();
        }
        if (numerics.Length == 0 && factors.Length is 1 or 2)
        {
            if (factors.Length == 1)
            {
                double[] first = Mean(frame, new() { [factors[0].Name] = 0 });
                return Enumerable.Range(1, factors[0].Levels.Length - 1)
                    .Select(i => Minus(Mean(frame, new() { [factors[0].Name] = i }), first)).ToArray();
            }
            FactorVariable fa = factors[0], fb = factors[1];
            double[] Cell(int i, int j) => Mean(frame, new() { [fa.Name] = i, [fb.Name] = j });
            var rows = new List<double[]>();
            for (int i = 1; i < fa.Levels.Length; i++)
                for (int j = 1; j < fb.Levels.Length; j++)
                    rows.Add(Minus(Minus(Cell(i, j), Cell(0, j)), Minus(Cell(i, 0), Cell(0, 0))));
            return rows;
        }
        throw new NotSupportedException($"Type III test of {term.Label}: only factors, two-factor interactions, continuous covariates and continuous × factor interactions are supported.");
    }

    // The design row at the given factor levels, other factors weighted equally, every continuous variable at 0.
    private static double[] Mean(ModelFrame frame, Dictionary<string, int> levels, IReadOnlyDictionary<string, double>? numeric = null)
    {
        var weights = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase);
        foreach (FactorVariable f in frame.Factors)
        {
            var w = new double[f.Levels.Length];
            if (levels.TryGetValue(f.Name, out int at)) w[at] = 1;
            else Array.Fill(w, 1.0 / w.Length);
            weights[f.Name] = w;
        }
        numeric ??= frame.Numerics.ToDictionary(n => n.Name, _ => 0.0, StringComparer.OrdinalIgnoreCase);
        return frame.DesignRow(weights, numeric);
    }

    // The slope of x (at level `level` of a, or averaged over every factor when a is null): the row at x = 1 minus the
    // row at x = 0, exact because every column is linear in x.
    private static double[] Slope(ModelFrame frame, NumericVariable x, FactorVariable? a, int level)
    {
        var levels = a is null ? new Dictionary<string, int>() : new Dictionary<string, int> { [a.Name] = level };
        var one = frame.Numerics.ToDictionary(n => n.Name, n => n == x ? 1.0 : 0.0, StringComparer.OrdinalIgnoreCase);
        return Minus(Mean(frame, levels, one), Mean(frame, levels));
    }

    private static double[] Minus(double[] a, double[] b) => a.Zip(b, (u, v) => u - v).ToArray();
}
