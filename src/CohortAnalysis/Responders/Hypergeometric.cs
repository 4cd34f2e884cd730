using CohortAnalysis.Inference;
using CohortAnalysis.Numerics;

namespace CohortAnalysis.Responders;

/// <summary>The (noncentral) hypergeometric distribution of cell a given the margins of a 2×2 table, as used by
/// R <c>fisher.test</c>: X = responders in the first arm, given n₁, n₂ and the total responders k.</summary>
internal sealed class Hypergeometric
{
    private readonly double[] _logWeights;   // log of the central density up to a constant, for k = Lo..Hi

    public Hypergeometric(int n1, int n2, int k)
    {
        Lo = Math.Max(0, k - n2);
        Hi = Math.Min(k, n1);
        _logWeights = new double[Hi - Lo + 1];
        // Ratios of consecutive densities are exact rationals; summing their logs avoids large log-factorial
        // cancellations, so densities keep ~14 significant digits.
        for (int x = Lo; x < Hi; x++)
            _logWeights[x - Lo + 1] = _logWeights[x - Lo]
                + Math.Log((double)(n1 - x) * (k - x)) - Math.Log((double)(x + 1) * (n2 - k + x + 1));
    }

    public int Lo { get; }
    public int Hi { get; }

    /// <summary>Densities for k = Lo..Hi under odds ratio exp(logPsi).</summary>
    public double[] Density(double logPsi)
    {
        var d = new double[_logWeights.Length];
        double max = double.NegativeInfinity;
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = _logWeights[i] + (Lo + i) * logPsi;
            if (d[i] > max) max = d[i];
        }
        double sum = 0;
        for (int i = 0; i < d.Length; i++) { d[i] = Math.Exp(d[i] - max); sum += d[i]; }
        for (int i = 0; i < d.Length; i++) d[i] /= sum;
        return d;
    }

    /// <summary>P(X ≤ x) (or P(X ≥ x) when <paramref name="upper"/>) under odds ratio exp(logPsi).</summary>
    public double Cdf(int x, double logPsi, bool upper)
    {
        double[] d = Density(logPsi);
        double s = 0;
        for (int i = 0; i < d.Length; i++)
        {
            int k = Lo + i;
            if (upper ? k >= x : k <= x) s += d[i];
        }
        return s;
    }

    public double Mean(double logPsi)
    {
        double[] d = Density(logPsi);
        double m = 0;
        for (int i = 0; i < d.Length; i++) m += (Lo + i) * d[i];
        return m;
    }

    /// <summary>R fisher.test's two-sided p: the sum of the densities not exceeding the observed one (relative tolerance 1e-7).</summary>
    public double TwoSidedP(int x)
    {
        double[] d = Density(0);
        double observed = d[x - Lo] * (1 + 1e-7);
        double p = 0;
        foreach (double v in d) if (v <= observed) p += v;
        return Math.Min(1, p);
    }

    /// <summary>Conditional MLE of the odds ratio: solves E[X; ψ] = x (0 at x = Lo, ∞ at x = Hi).</summary>
    public double ConditionalMle(int x)
    {
        if (Lo == Hi) return double.NaN;
        if (x == Lo) return 0;
        if (x == Hi) return double.PositiveInfinity;
        return Math.Exp(SolveLogPsi(lp => Mean(lp) - x));
    }

    /// <summary>ψ with P(X ≥ x; ψ) = alpha (the lower exact limit); 0 when x = Lo.</summary>
    public double LowerLimit(int x, double alpha) =>
        x == Lo ? 0 : Math.Exp(SolveLogPsi(lp => Cdf(x, lp, upper: true) - alpha));

    /// <summary>ψ with P(X ≤ x; ψ) = alpha (the upper exact limit); ∞ when x = Hi.</summary>
    public double UpperLimit(int x, double alpha) =>
        x == Hi ? double.PositiveInfinity : Math.Exp(SolveLogPsi(lp => alpha - Cdf(x, lp, upper: false)));

    /// <summary>Root in log ψ of an increasing function, bracket widened until it changes sign.</summary>
    private static double SolveLogPsi(Func<double, double> increasing)
    {
        double lo = -1, hi = 1;
        while (increasing(lo) > 0 && lo > -700) lo *= 2;
        while (increasing(hi) < 0 && hi < 700) hi *= 2;
        return RootFinder.Bracketed(increasing, lo, hi);
    }
}
