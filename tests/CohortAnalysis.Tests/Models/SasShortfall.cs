using CohortAnalysis.Models;
using Xunit;

namespace CohortAnalysis.Tests.Models;

/// <summary>How far SAS PROC MIXED's printed estimates may lie from our optimum because SAS stops early.</summary>
/// <remarks>
/// SAS stops when its relative Hessian criterion gᵀH⁻¹g/|f| falls below 1e-8; its final −2ℓ (iteration history,
/// 8 decimals) is then δ = f_SAS − f̂ ≥ 0 above the optimum f̂ that we reach (criterion 1e-10 or less); δ takes half a
/// unit of the 8th decimal more for the rounding of the printed value. For any smooth
/// q(θ) — an LS mean, its SE, its Satterthwaite df, a covariance parameter — a point within δ of the optimum of a
/// quadratic f = −2ℓ satisfies |q(θ) − q(θ̂)| ≤ √δ · √(∇qᵀ(2H⁻¹)∇q) (Cauchy–Schwarz in the H-norm; 2H⁻¹ = Cov(θ̂)).
/// So a printed value is matched when |printed − q(θ̂)| ≤ ½ unit of its last digit + that allowance; with the
/// listings' δ ≤ 2e-5 the allowance is at most 0.45% of q's standard error (0.007% when SAS's −2ℓ equals ours). ∇q is taken by central differences.
/// </remarks>
internal sealed class SasShortfall
{
    private readonly MmrmLikelihood _likelihood;
    private readonly double[] _theta;
    private readonly double[,] _thetaCovariance;

    public SasShortfall(MmrmLikelihood likelihood, double[] theta, double[,] hessian, double sasMinus2LogLikelihood, double ours)
    {
        _likelihood = likelihood;
        _theta = theta;
        Delta = sasMinus2LogLikelihood - ours;
        Assert.True(Delta > -1e-7, $"our -2LL {ours:R} is above SAS's {sasMinus2LogLikelihood:R}");
        Delta = Math.Max(Delta, 0) + 0.5e-8; // SAS prints −2ℓ to 8 decimals: up to half a unit more
        int k = theta.Length;
        _thetaCovariance = new double[k, k];
        for (int j = 0; j < k; j++)
        {
            var e = new double[k];
            e[j] = 2;
            double[] col = LikelihoodMaximizer.SolvePositiveDefinite(hessian, e)!;
            for (int i = 0; i < k; i++) _thetaCovariance[i, j] = col[i];
        }
    }

    /// <summary>SAS's −2ℓ minus ours (≥ 0).</summary>
    public double Delta { get; }

    /// <summary>The allowance √δ·SE_θ(q) for q, evaluated with the likelihood's state at θ (restored to θ̂ after).</summary>
    public double Allowance(Func<double> q)
    {
        int k = _theta.Length;
        var gradient = new double[k];
        for (int j = 0; j < k; j++)
        {
            double h = 1e-5;
            double[] tp = (double[])_theta.Clone(), tm = (double[])_theta.Clone();
            tp[j] += h; tm[j] -= h;
            SetState(tp);
            double qp = q();
            SetState(tm);
            double qm = q();
            gradient[j] = (qp - qm) / (2 * h);
        }
        SetState(_theta);
        double v = 0;
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) v += gradient[i] * _thetaCovariance[i, j] * gradient[j];
        return Math.Sqrt(Delta * Math.Max(v, 0));
    }

    /// <summary>Moves the likelihood's state (β̂, C, Hessian, B_ab) to θ.</summary>
    public void SetState(double[] theta)
    {
        _likelihood.Evaluate(theta, new double[theta.Length]);
        _hessian = _likelihood.Hessian(theta).Hessian;
    }

    private double[,]? _hessian;

    /// <summary>At the current state: l·β̂, √(lᵀCl) and the Satterthwaite df 2(lᵀCl)²/(gᵀ(2H⁻¹)g).</summary>
    public (double Estimate, double Se, double Df) Linear(double[] l)
    {
        double[] beta = _likelihood.Beta;
        double[,] c = _likelihood.FixedCovariance();
        double est = 0, v = 0;
        for (int i = 0; i < l.Length; i++)
        {
            est += l[i] * beta[i];
            for (int j = 0; j < l.Length; j++) v += l[i] * c[i, j] * l[j];
        }
        double[] g = _likelihood.VarianceGradient(l);
        double[] hg = LikelihoodMaximizer.SolvePositiveDefinite(_hessian ?? throw new InvalidOperationException("No state."), g)!;
        double gwg = 0;
        for (int i = 0; i < g.Length; i++) gwg += 2 * g[i] * hg[i];
        return (est, Math.Sqrt(v), 2 * v * v / gwg);
    }

    /// <summary>Asserts |printed − actual| ≤ ½ printed unit + allowance.</summary>
    public static void AssertPrinted(string printed, double actual, double allowance, string what)
    {
        double value = double.Parse(printed, System.Globalization.CultureInfo.InvariantCulture);
        int dot = printed.IndexOf('.');
        double unit = dot < 0 ? 1 : Math.Pow(10, -(printed.Length - dot - 1));
        double tolerance = 0.5 * unit * (1 + 1e-9) + allowance;
        Assert.True(Math.Abs(actual - value) <= tolerance,
            $"{what}: SAS prints {printed}, we have {actual:R} (difference {actual - value:E2}, allowed ½ unit + {allowance:E2})");
    }
}
