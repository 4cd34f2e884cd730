using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace CohortAnalysis.Models;

/// <summary>The fixed-effects design matrix of a linear model built from <see cref="ModelData"/>: intercept, factors,
/// continuous covariates and their interactions, with the records analysed and those left out (and why).</summary>
/// <remarks>
/// <para><b>Coding.</b> A factor F in term T gets contrast columns (all levels but the reference, see
/// <see cref="FactorCoding"/>) when T without F is also in the model (the intercept counts when present), and one
/// indicator column per level otherwise: R's rule in <c>model.matrix</c>, so hierarchical models such as
/// ARM + VISIT + ARM*VISIT + BASE + BASE*VISIT are full rank. A continuous variable contributes its value; an
/// interaction's columns are the Kronecker product of its variables' columns.</para>
/// <para><b>Records.</b> Of the candidate records, those missing any variable of any term are left out and counted per
/// variable (<see cref="Excluded"/>). After that the frame refuses, with <see cref="ModelSpecificationException"/>, a factor
/// level with no record, a factor with one level, a continuous covariate constant over the records, and a column that is
/// a linear combination of earlier ones (checked on the pivots of a Householder QR, |R_jj| ≤ 1e-9·‖X_j‖).</para>
/// <para><b>Evaluation.</b> <see cref="DesignRow"/> evaluates the columns at a profile that gives, per factor, weights
/// over its levels and, per continuous variable, a value: every column is multilinear in these, so an LS mean averaged
/// over a factor is the row at the averaged weights (<see cref="ReferenceGrid"/>).</para>
/// <para>Immutable after construction; thread-safe for reads.</para>
/// </remarks>
internal sealed class ModelFrame
{
    private readonly ColumnPart[][] _termParts;

    /// <summary>Builds the frame.</summary>
    /// <param name="data">The records.</param>
    /// <param name="terms">Model terms, in order (no duplicates).</param>
    /// <param name="intercept">Whether the model has an intercept (default true).</param>
    /// <param name="candidateRows">Records eligible for the analysis (e.g. those with an outcome); null = all.</param>
    /// <param name="coding">Contrast coding of factors; LS means do not depend on it.</param>
    public ModelFrame(ModelData data, IReadOnlyList<ModelTerm> terms, bool intercept = true,
        IReadOnlyList<int>? candidateRows = null, FactorCoding coding = FactorCoding.ReferenceFirst)
    {
        Data = data;
        Terms = terms.ToArray();
        Intercept = intercept;
        Coding = coding;
        if (Terms.Distinct().Count() != Terms.Count)
            throw new ArgumentException($"The terms repeat: {string.Join(", ", Terms)}.", nameof(terms));

        string[] used = Terms.SelectMany(t => t.Variables).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        ModelVariable[] variables = used.Select(v => data[v]).ToArray();
        var excluded = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<int>();
        foreach (int r in candidateRows ?? Enumerable.Range(0, data.RowCount))
        {
            string? missing = variables.FirstOrDefault(v => !data.IsPresent(v.Name, r))?.Name;
            if (missing is null) rows.Add(r);
            else excluded[missing] = excluded.GetValueOrDefault(missing) + 1;
        }
        Rows = rows.ToArray();
        Excluded = excluded;
        if (Rows.Length == 0) throw new ModelSpecificationException("No record has values for every variable of the model.");

        CheckVariables(variables);
        _termParts = Terms.Select(BuildParts).ToArray();
        var names = new List<string>();
        var ranges = new List<(int, int)>();
        if (intercept) names.Add("(Intercept)");
        foreach (ColumnPart[] parts in _termParts)
        {
            int start = names.Count;
            names.AddRange(ColumnNamesOf(parts));
            ranges.Add((start, names.Count - start));
        }
        ColumnNames = names;
        TermColumns = ranges;
        X = BuildMatrix();
        CheckRank();
    }

    /// <summary>The records the frame was built from.</summary>
    public ModelData Data { get; }

    /// <summary>Model terms, in order.</summary>
    public IReadOnlyList<ModelTerm> Terms { get; }

    /// <summary>Whether column 0 is the intercept.</summary>
    public bool Intercept { get; }

    /// <summary>Contrast coding used.</summary>
    public FactorCoding Coding { get; }

    /// <summary>Indices (into <see cref="Data"/>) of the records analysed; row i of <see cref="X"/> is record Rows[i].</summary>
    public int[] Rows { get; }

    /// <summary>Candidate records left out, by the first variable found missing.</summary>
    public IReadOnlyDictionary<string, int> Excluded { get; }

    /// <summary>Column labels, e.g. "(Intercept)", "ARM[TRT]", "ARM[TRT]*VISIT[VIS2]", "BASE*VISIT[VIS2]".</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Per term (same order as <see cref="Terms"/>): first column and number of columns.</summary>
    public IReadOnlyList<(int Start, int Count)> TermColumns { get; }

    /// <summary>The design matrix (records analysed × columns).</summary>
    public Matrix<double> X { get; }

    /// <summary>Number of columns (fixed-effect parameters).</summary>
    public int ColumnCount => ColumnNames.Count;

    /// <summary>The factors used by the terms.</summary>
    public IEnumerable<FactorVariable> Factors =>
        Terms.SelectMany(t => t.Variables).Distinct(StringComparer.OrdinalIgnoreCase).Select(v => Data[v]).OfType<FactorVariable>();

    /// <summary>The continuous variables used by the terms.</summary>
    public IEnumerable<NumericVariable> Numerics =>
        Terms.SelectMany(t => t.Variables).Distinct(StringComparer.OrdinalIgnoreCase).Select(v => Data[v]).OfType<NumericVariable>();

    /// <summary>Mean of a continuous variable over the records analysed.</summary>
    public double MeanOf(string numeric)
    {
        var v = (NumericVariable)Data[numeric];
        double sum = 0;
        foreach (int r in Rows) sum += v.Values[r];
        return sum / Rows.Length;
    }

    /// <summary>The design row at a profile: per factor a weight vector over its levels, per continuous variable a value.</summary>
    /// <param name="factorWeights">Weights over levels, by factor name (each of length Levels.Length).</param>
    /// <param name="numericValues">Values by continuous-variable name.</param>
    public double[] DesignRow(IReadOnlyDictionary<string, double[]> factorWeights, IReadOnlyDictionary<string, double> numericValues)
    {
        var row = new double[ColumnCount];
        int c = 0;
        if (Intercept) row[c++] = 1;
        foreach (ColumnPart[] parts in _termParts)
        {
            double[] block = [1.0];
            foreach (ColumnPart part in parts)
            {
                double[] component = part.Factor is { } f
                    ? part.Columns.Select(level => Lookup(factorWeights, f.Name)[level]).ToArray()
                    : [Lookup(numericValues, part.Numeric!.Name)];
                block = Kronecker(block, component);
            }
            block.CopyTo(row, c);
            c += block.Length;
        }
        return row;
    }

    private static T Lookup<T>(IReadOnlyDictionary<string, T> values, string name) =>
        values.TryGetValue(name, out T? v) ? v : throw new ArgumentException($"The profile gives no value for {name}.");

    private Matrix<double> BuildMatrix()
    {
        Matrix<double> x = Matrix<double>.Build.Dense(Rows.Length, ColumnCount);
        var block = new double[ColumnCount];
        for (int i = 0; i < Rows.Length; i++)
        {
            int r = Rows[i];
            int c = 0;
            if (Intercept) x[i, c++] = 1;
            foreach (ColumnPart[] parts in _termParts)
            {
                // Point-mass profile: a product of one indicator (or value) per variable.
                int width = 1;
                block[0] = 1;
                foreach (ColumnPart part in parts)
                {
                    if (part.Numeric is { } n)
                    {
                        for (int k = 0; k < width; k++) block[k] *= n.Values[r];
                        continue;
                    }
                    int code = part.Factor!.Codes[r];
                    int m = part.Columns.Length;
                    for (int k = width - 1; k >= 0; k--)
                    {
                        double b = block[k];
                        for (int j = 0; j < m; j++) block[k * m + j] = part.Columns[j] == code ? b : 0;
                    }
                    width *= m;
                }
                for (int k = 0; k < width; k++) x[i, c + k] = block[k];
                c += width;
            }
        }
        return x;
    }

    private ColumnPart[] BuildParts(ModelTerm term) => term.Variables.Select(name =>
    {
        ModelVariable v = Data[name];
        if (v is NumericVariable n) return new ColumnPart(null, n, []);
        var f = (FactorVariable)v;
        ModelTerm? marginal = term.Without(name);
        bool contrast = marginal is null ? Intercept : Terms.Contains(marginal);
        int reference = Coding == FactorCoding.ReferenceFirst ? 0 : f.Levels.Length - 1;
        int[] columns = Enumerable.Range(0, f.Levels.Length).Where(l => !contrast || l != reference).ToArray();
        return new ColumnPart(f, null, columns);
    }).ToArray();

    private static IEnumerable<string> ColumnNamesOf(ColumnPart[] parts)
    {
        IEnumerable<string> names = [""];
        foreach (ColumnPart part in parts)
        {
            string[] component = part.Factor is { } f
                ? part.Columns.Select(l => $"{f.Name}[{f.Levels[l]}]").ToArray()
                : [part.Numeric!.Name];
            names = names.SelectMany(prefix => component.Select(c => prefix.Length == 0 ? c : prefix + "*" + c)).ToArray();
        }
        return names;
    }

    private void CheckVariables(ModelVariable[] variables)
    {
        foreach (ModelVariable v in variables)
        {
            if (v is FactorVariable f)
            {
                var counts = new int[f.Levels.Length];
                foreach (int r in Rows) counts[f.Codes[r]]++;
                int empty = Array.IndexOf(counts, 0);
                if (empty >= 0)
                    throw new ModelSpecificationException(string.Create(CultureInfo.InvariantCulture,
                        $"{f.Name} level '{f.Levels[empty]}' has no record among the {Rows.Length} analysed; drop the level or check the data."));
                if (f.Levels.Length < 2 && Terms.Any(t => t.Variables.Count == 1 && t.Contains(f.Name)))
                    throw new ModelSpecificationException(string.Create(CultureInfo.InvariantCulture,
                        $"{f.Name} has a single level ('{f.Levels[0]}') in the {Rows.Length} records analysed; it cannot be a model term."));
            }
            else if (v is NumericVariable n && Terms.Any(t => t.Variables.Count == 1 && t.Contains(n.Name)))
            {
                double first = n.Values[Rows[0]];
                if (Rows.All(r => n.Values[r] == first))
                    throw new ModelSpecificationException(string.Create(CultureInfo.InvariantCulture,
                        $"Covariate {n.Name} is constant (= {first:G6}) over the {Rows.Length} records analysed; it cannot be estimated. Remove it from the model."));
            }
        }
    }

    private void CheckRank()
    {
        if (Rows.Length < ColumnCount)
            throw new ModelSpecificationException(string.Create(CultureInfo.InvariantCulture,
                $"The model has {ColumnCount} fixed-effect parameters but only {Rows.Length} records are analysed."));
        Matrix<double> r = X.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).R;
        for (int j = 0; j < ColumnCount; j++)
        {
            double norm = X.Column(j).L2Norm();
            if (norm == 0 || Math.Abs(r[j, j]) <= 1e-9 * norm)
            {
                string term = TermOfColumn(j);
                throw new ModelSpecificationException(norm == 0
                    ? $"Column {ColumnNames[j]} of term {term} is zero in every record analysed (a combination with no data); the model cannot be estimated."
                    : $"Column {ColumnNames[j]} of term {term} is a linear combination of earlier columns (collinear covariates); remove one of the collinear terms.");
            }
        }
    }

    /// <summary>Label of the term owning a column ("(Intercept)" for the intercept).</summary>
    public string TermOfColumn(int column)
    {
        for (int t = 0; t < Terms.Count; t++)
            if (column >= TermColumns[t].Start && column < TermColumns[t].Start + TermColumns[t].Count) return Terms[t].Label;
        return "(Intercept)";
    }

    private static double[] Kronecker(double[] a, double[] b)
    {
        var result = new double[a.Length * b.Length];
        for (int i = 0; i < a.Length; i++)
            for (int j = 0; j < b.Length; j++) result[i * b.Length + j] = a[i] * b[j];
        return result;
    }

    private sealed record ColumnPart(FactorVariable? Factor, NumericVariable? Numeric, int[] Columns);
}
