namespace CohortAnalysis.Models;

/// <summary>The reference grid of a linear model: L vectors of LS means for each combination of levels of the
/// specification factors (e.g. ARM, or ARM × VISIT), their differences and user contrasts.</summary>
/// <remarks>
/// <para>Each LS mean is L·β with L the design row (<see cref="ModelFrame.DesignRow"/>) at: the cell's levels of the
/// specification factors; every continuous variable at its mean over the records analysed (products of continuous
/// variables at the product of the means, as SAS and emmeans); every other factor averaged over its levels with
/// <see cref="LsMeanWeights.Equal"/> weights (each combination of levels alike: SAS LSMEANS, emmeans default), or with
/// <see cref="LsMeanWeights.Proportional"/> weights (the observed frequency of each combination of the averaged
/// factors' levels over the records analysed: emmeans <c>weights = "proportional"</c>, SAS OM).</para>
/// <para>Reference: Searle, Speed &amp; Milliken (1980), population marginal means; Lenth, emmeans.</para>
/// <para>Immutable after construction.</para>
/// </remarks>
internal sealed class ReferenceGrid
{
    private ReferenceGrid(ModelFrame frame, FactorVariable[] factors, IReadOnlyList<ReferenceGridCell> cells)
    {
        Frame = frame;
        Factors = factors;
        Cells = cells;
    }

    /// <summary>The frame the grid evaluates.</summary>
    public ModelFrame Frame { get; }

    /// <summary>The specification factors, in order.</summary>
    public IReadOnlyList<FactorVariable> Factors { get; }

    /// <summary>Cells, the last factor varying fastest (ARM × VISIT: all visits of the first arm, then the next arm).</summary>
    public IReadOnlyList<ReferenceGridCell> Cells { get; }

    /// <summary>Builds the grid for the given specification factors.</summary>
    /// <param name="frame">A model frame.</param>
    /// <param name="specification">Factor names, e.g. ["ARM"] or ["ARM", "VISIT"].</param>
    /// <param name="weights">How to average over the other factors.</param>
    public static ReferenceGrid Build(ModelFrame frame, IReadOnlyList<string> specification, LsMeanWeights weights = LsMeanWeights.Equal)
    {
        FactorVariable[] spec = specification.Select(name => frame.Data[name] as FactorVariable
            ?? throw new ArgumentException($"LS means need a factor; {name} is continuous.", nameof(specification))).ToArray();
        if (spec.Any(f => !frame.Factors.Contains(f)))
            throw new ArgumentException($"LS means by {string.Join(" × ", specification)}: not every factor is in the model.", nameof(specification));
        FactorVariable[] others = frame.Factors.Where(f => !spec.Contains(f)).ToArray();
        var numeric = frame.Numerics.ToDictionary(n => n.Name, n => frame.MeanOf(n.Name), StringComparer.OrdinalIgnoreCase);

        var cells = new List<ReferenceGridCell>();
        foreach (int[] codes in Combinations(spec.Select(f => f.Levels.Length).ToArray()))
        {
            double[] l = weights == LsMeanWeights.Equal
                ? EqualWeightRow(frame, spec, codes, others, numeric)
                : ProportionalRow(frame, spec, codes, others, numeric);
            int count = frame.Rows.Count(r => spec.Select((f, i) => f.Codes[r] == codes[i]).All(b => b));
            cells.Add(new ReferenceGridCell(spec.Select((f, i) => f.Levels[codes[i]]).ToArray(), codes, l, count));
        }
        return new ReferenceGrid(frame, spec, cells);
    }

    /// <summary>The cell with these levels (one per specification factor, in order).</summary>
    public ReferenceGridCell Cell(params string[] levels) =>
        Cells.FirstOrDefault(c => c.Levels.SequenceEqual(levels, StringComparer.Ordinal))
        ?? throw new ArgumentException($"No reference-grid cell {string.Join(" × ", levels)}.", nameof(levels));

    /// <summary>L vector of the difference of two cells (first − second).</summary>
    public static double[] Difference(ReferenceGridCell first, ReferenceGridCell second) =>
        first.L.Zip(second.L, (a, b) => a - b).ToArray();

    /// <summary>L vector of a user contrast Σ cᵢ·LSMeanᵢ over the cells (coefficients in <see cref="Cells"/> order).</summary>
    public double[] Contrast(IReadOnlyList<double> coefficients)
    {
        if (coefficients.Count != Cells.Count)
            throw new ArgumentException($"A contrast over this grid needs {Cells.Count} coefficients, one per cell; got {coefficients.Count}.", nameof(coefficients));
        var l = new double[Frame.ColumnCount];
        for (int c = 0; c < Cells.Count; c++)
            for (int j = 0; j < l.Length; j++) l[j] += coefficients[c] * Cells[c].L[j];
        return l;
    }

    private static double[] EqualWeightRow(ModelFrame frame, FactorVariable[] spec, int[] codes, FactorVariable[] others,
        Dictionary<string, double> numeric)
    {
        // Every column is multilinear in the factors' indicator vectors, so averaging the rows over the full cartesian
        // product of the other factors' levels equals one row at uniform weights.
        var weights = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < spec.Length; i++) weights[spec[i].Name] = PointMass(spec[i].Levels.Length, codes[i]);
        foreach (FactorVariable f in others) weights[f.Name] = Enumerable.Repeat(1.0 / f.Levels.Length, f.Levels.Length).ToArray();
        return frame.DesignRow(weights, numeric);
    }

    private static double[] ProportionalRow(ModelFrame frame, FactorVariable[] spec, int[] codes, FactorVariable[] others,
        Dictionary<string, double> numeric)
    {
        // Joint frequencies of the averaged factors' level combinations over all records analysed (emmeans "proportional").
        var frequency = new Dictionary<string, (int[] Codes, int Count)>(StringComparer.Ordinal);
        foreach (int r in frame.Rows)
        {
            int[] combo = others.Select(f => f.Codes[r]).ToArray();
            string key = string.Join(",", combo);
            frequency[key] = frequency.TryGetValue(key, out var e) ? (e.Codes, e.Count + 1) : (combo, 1);
        }
        var l = new double[frame.ColumnCount];
        double total = frame.Rows.Length;
        var weights = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < spec.Length; i++) weights[spec[i].Name] = PointMass(spec[i].Levels.Length, codes[i]);
        foreach ((int[] combo, int count) in frequency.Values)
        {
            for (int i = 0; i < others.Length; i++) weights[others[i].Name] = PointMass(others[i].Levels.Length, combo[i]);
            double[] row = frame.DesignRow(weights, numeric);
            for (int j = 0; j < l.Length; j++) l[j] += count / total * row[j];
        }
        return l;
    }

    private static double[] PointMass(int length, int at)
    {
        var w = new double[length];
        w[at] = 1;
        return w;
    }

    private static IEnumerable<int[]> Combinations(int[] sizes)
    {
        var codes = new int[sizes.Length];
        while (true)
        {
            yield return (int[])codes.Clone();
            int k = sizes.Length - 1;
            while (k >= 0 && ++codes[k] == sizes[k]) codes[k--] = 0;
            if (k < 0) yield break;
        }
    }
}
