using CohortAnalysis.Models;

namespace CohortAnalysis.Missing;

/// <summary>The default analysis of a completed dataset: ANCOVA at each visit, Y ~ ARM + BASE (+ covariates), with LS
/// means per arm and differences from the reference arm (as <see cref="Ancova.Fit"/>), on arrays.</summary>
/// <remarks>The design is built once by the models' <see cref="ModelFrame"/> (subject-level rows); each call forms XᵀX
/// for its sample, β̂ = (XᵀX)⁻¹Xᵀy per visit, σ̂² = RSS/(m − q), Var(Lβ̂) = σ̂²·L(XᵀX)⁻¹Lᵀ, df = m − q. LS means at the
/// sample's mean baseline, covariate levels weighted equally (SAS LSMEANS, emmeans). Thread-safe.</remarks>
internal sealed class CompletedAncova : ICompletedAnalysis
{
    private readonly ImputationData _data;
    private readonly ModelFrame _frame;
    private readonly double[] _x;
    private readonly int _q;
    private readonly EstimateSlot[] _slots;
    private readonly (int Visit, int Arm, bool Difference)[] _cells;

    public CompletedAncova(ImputationData data, MissingDataMethod method, string term)
    {
        _data = data;
        int n = data.N;
        var md = new ModelData(n);
        md.AddFactor(ImputationData.ArmName, data.Arm.Select(a => data.ArmLevels[a]).ToArray(), data.ArmLevels);
        md.AddNumeric(ImputationData.BaselineName, data.Baseline);
        var terms = new List<ModelTerm> { new(ImputationData.ArmName), new(ImputationData.BaselineName) };
        foreach (var (name, values) in data.Covariates)
        {
            md.AddFactor(name, values);
            terms.Add(new ModelTerm(name));
        }
        _frame = new ModelFrame(md, terms);
        _q = _frame.ColumnCount;
        _x = new double[n * _q];
        for (int i = 0; i < n; i++) for (int c = 0; c < _q; c++) _x[i * _q + c] = _frame.X[i, c];
        Formula = $"{Comparison.VariableCode(data.Outcome)} ~ {string.Join(" + ", terms.Select(t => t.Label))}";

        ArmVisitSlots slots = ArmVisitSlots.Build(data, method, term);
        _slots = slots.Slots;
        _cells = slots.Cells;
    }

    public string Formula { get; }

    public IReadOnlyList<EstimateSlot> Slots => _slots;

    public void Analyze(int[] subjects, double[] values, double[] estimates, double[] variances, double[] df)
    {
        int q = _q, t = _data.T, m = subjects.Length;
        var xtx = new double[q * q];
        double baseSum = 0;
        foreach (int i in subjects)
        {
            baseSum += _data.Baseline[i];
            for (int a = 0; a < q; a++)
            {
                double xa = _x[i * q + a];
                if (xa == 0) continue;
                for (int b = 0; b <= a; b++) xtx[a * q + b] += xa * _x[i * q + b];
            }
        }
        for (int a = 0; a < q; a++) for (int b = 0; b < a; b++) xtx[b * q + a] = xtx[a * q + b];
        double[]? l = CovarianceParameterization.Cholesky(xtx, q);
        if (l is null || m <= q)
        {
            Array.Fill(estimates, double.NaN); Array.Fill(variances, double.NaN); Array.Fill(df, double.NaN);
            return;
        }
        // L vectors of the arms' LS means at this sample's mean baseline.
        var weights = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase);
        foreach (FactorVariable f in _frame.Factors) weights[f.Name] = Enumerable.Repeat(1.0 / f.Levels.Length, f.Levels.Length).ToArray();
        var numeric = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase) { [ImputationData.BaselineName] = baseSum / m };
        int arms = _data.ArmLevels.Length;
        var lArm = new double[arms][];
        for (int a = 0; a < arms; a++)
        {
            var w = new double[arms];
            w[a] = 1;
            weights[ImputationData.ArmName] = w;
            lArm[a] = _frame.DesignRow(weights, numeric);
        }
        // (XᵀX)⁻¹Lᵀ for every L needed: solve with the Cholesky factor.
        var beta = new double[t][];
        var sigma2 = new double[t];
        var xty = new double[q];
        for (int j = 0; j < t; j++)
        {
            Array.Clear(xty);
            foreach (int i in subjects)
            {
                double y = values[i * t + j];
                for (int a = 0; a < q; a++) xty[a] += _x[i * q + a] * y;
            }
            beta[j] = Solve(l, q, xty);
            double rss = 0;
            foreach (int i in subjects)
            {
                double r = values[i * t + j];
                for (int a = 0; a < q; a++) r -= _x[i * q + a] * beta[j][a];
                rss += r * r;
            }
            sigma2[j] = rss / (m - q);
        }
        for (int s = 0; s < _cells.Length; s++)
        {
            var (j, a, difference) = _cells[s];
            double[] lv = difference ? lArm[a].Zip(lArm[_data.ReferenceArm], (u, v) => u - v).ToArray() : lArm[a];
            double[] solved = Solve(l, q, lv);
            double est = 0, quad = 0;
            for (int c = 0; c < q; c++) { est += lv[c] * beta[j][c]; quad += lv[c] * solved[c]; }
            estimates[s] = est;
            variances[s] = sigma2[j] * quad;
            df[s] = m - q;
        }
    }

    private static double[] Solve(double[] l, int q, double[] b)
    {
        var x = new double[q];
        MmrmLikelihood.SolveWithCholesky(l, q, b, x);
        return x;
    }
}
