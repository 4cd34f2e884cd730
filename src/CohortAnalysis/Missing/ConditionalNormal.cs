using CohortAnalysis.Models;
using CohortAnalysis.Randomness;

namespace CohortAnalysis.Missing;

/// <summary>The conditional distribution of a subject's missing visits given its observed ones under N(μ, Σ):
/// y_M | y_O ~ N(μ_M + Σ_MO Σ_OO⁻¹(y_O − μ_O), Σ_MM − Σ_MO Σ_OO⁻¹ Σ_OM), factored once per pattern of observed visits.</summary>
/// <remarks>Not thread-safe (it caches patterns): one per imputation. Reference: Little &amp; Rubin (2019) §7.4;
/// Carpenter, Roger &amp; Kenward (2013) §4.</remarks>
internal sealed class ConditionalNormal
{
    private readonly double[] _sigma;
    private readonly int _t;
    private readonly Dictionary<ulong, Pattern> _patterns = [];

    private sealed record Pattern(int[] Observed, int[] Missing, double[] K, double[] L);

    public ConditionalNormal(double[] sigma, int t)
    {
        if (t > 64) throw new NotSupportedException("Imputation supports at most 64 post-baseline visits.");
        _sigma = sigma;
        _t = t;
    }

    /// <summary>Replaces the missing entries of <paramref name="y"/> (those not in <paramref name="observed"/>, bit j =
    /// visit j observed) by their conditional mean, plus a draw from the conditional covariance when <paramref name="random"/> is given.</summary>
    public void Impute(Span<double> y, ReadOnlySpan<double> mu, ulong observed, SeededRandom? random)
    {
        Pattern pattern = Get(observed);
        int o = pattern.Observed.Length, m = pattern.Missing.Length;
        if (m == 0) return;
        Span<double> z = stackalloc double[m];
        if (random is not null) for (int a = 0; a < m; a++) z[a] = random.NextNormal();
        for (int a = 0; a < m; a++)
        {
            int j = pattern.Missing[a];
            double v = mu[j];
            for (int b = 0; b < o; b++) { int c = pattern.Observed[b]; v += pattern.K[a * o + b] * (y[c] - mu[c]); }
            if (random is not null) for (int b = 0; b <= a; b++) v += pattern.L[a * m + b] * z[b];
            y[j] = v;
        }
    }

    private Pattern Get(ulong observed)
    {
        if (_patterns.TryGetValue(observed, out Pattern? cached)) return cached;
        int t = _t;
        int[] obs = Enumerable.Range(0, t).Where(j => (observed >> j & 1) == 1).ToArray();
        int[] mis = Enumerable.Range(0, t).Where(j => (observed >> j & 1) == 0).ToArray();
        int o = obs.Length, m = mis.Length;
        var k = new double[m * o];
        var cond = new double[m * m];
        for (int a = 0; a < m; a++) for (int b = 0; b < m; b++) cond[a * m + b] = _sigma[mis[a] * t + mis[b]];
        if (o > 0 && m > 0)
        {
            var soo = new double[o * o];
            for (int a = 0; a < o; a++) for (int b = 0; b < o; b++) soo[a * o + b] = _sigma[obs[a] * t + obs[b]];
            var h = new double[o, o];
            for (int a = 0; a < o; a++) for (int b = 0; b < o; b++) h[a, b] = soo[a * o + b];
            for (int a = 0; a < m; a++)
            {
                double[] rhs = obs.Select(c => _sigma[c * t + mis[a]]).ToArray();
                double[] row = LikelihoodMaximizer.SolvePositiveDefinite(h, rhs)
                    ?? throw new ModelFitException("The imputation model's covariance is not positive definite over a subject's observed visits.");
                row.CopyTo(k, a * o);
                for (int b = 0; b < m; b++)
                {
                    double s = 0;
                    for (int c = 0; c < o; c++) s += row[c] * _sigma[obs[c] * t + mis[b]];
                    cond[a * m + b] -= s;
                }
            }
            for (int a = 0; a < m; a++) for (int b = 0; b < a; b++) cond[a * m + b] = cond[b * m + a] = (cond[a * m + b] + cond[b * m + a]) / 2;
        }
        double[] l = m == 0 ? [] : CovarianceParameterization.Cholesky(cond, m)
            ?? throw new ModelFitException("The conditional covariance of a subject's missing visits is not positive definite.");
        var pattern = new Pattern(obs, mis, k, l);
        _patterns[observed] = pattern;
        return pattern;
    }
}
