using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace CohortAnalysis.Numerics;

/// <summary>F(t; ν, δ) and ∂F/∂δ for one quantile t and df ν as the noncentrality δ varies: what an interval for δ
/// solves for. The series is that of <see cref="NoncentralT"/>; see its remarks for the formula and its accuracy.</summary>
/// <remarks>
/// <para>The incomplete beta ratios and log-gamma terms at the Poisson mode depend on δ only through the mode ⌊δ²/2⌋, so
/// they are kept between calls while the mode stays the same (a root search near one δ pays for them once); the values
/// are the same bits as a fresh evaluation.</para>
/// <para>∂F/∂δ comes from the same terms: with λ = δ²/2, d pⱼ/dδ = pⱼ (2j/δ − δ), d qⱼ/dδ = qⱼ ((2j + 1)/δ − δ) and
/// d Φ(−δ)/dδ = −φ(δ); at δ = 0 it is −(ν/(t² + ν))^{ν/2} / √(2π).</para>
/// <para>A mutable struct (the cache): one per thread and per search, passed by reference.</para>
/// </remarks>
internal struct NoncentralTAtQuantile
{
    private const double InverseSqrt2Pi = 0.3989422804014327;

    private readonly double _t, _df;
    // The series is evaluated at |t|; these depend on t² and ν only.
    private readonly double _x, _y, _b, _logX, _logY;

    // Cached at the Poisson mode: I_x(a, b) and log G(a) = log(x^a y^b / (a B(a, b))) for a = mode + ½ and mode + 1,
    // and log Γ(mode + 1), log Γ(mode + 3/2).
    private int _mode;
    private double _iP0, _iQ0, _logGP0, _logGQ0, _logGammaP, _logGammaQ;

    public NoncentralTAtQuantile(double t, double df)
    {
        _t = t;
        _df = df;
        double t2 = t * t;
        _x = t2 / (t2 + df);
        _y = df / (t2 + df);      // 1 − x without cancellation
        _b = df / 2;
        _logX = Math.Log(_x);
        _logY = Math.Log(_y);
        _mode = -1;
        _iP0 = _iQ0 = _logGP0 = _logGQ0 = _logGammaP = _logGammaQ = 0;
    }

    /// <summary>P(T ≤ t) for T ~ t(ν, δ), and its derivative in δ (negative: the probability falls as δ grows).</summary>
    public double Cdf(double ncp, out double ncpSlope)
    {
        ncpSlope = double.NaN;
        if (double.IsNaN(_t) || double.IsNaN(_df) || double.IsNaN(ncp) || !(_df > 0)) return double.NaN;
        if (double.IsInfinity(_t))
        {
            ncpSlope = 0;
            return _t > 0 ? 1 : 0;
        }
        if (ncp == 0)
        {
            ncpSlope = -Math.Pow(_y, _b) * InverseSqrt2Pi;
            return StudentT.CDF(0, 1, _df, _t);
        }
        // F(t; ν, δ) = 1 − F(−t; ν, −δ), whose δ-derivative is +F'(−t; ν, −δ)
        if (_t < 0) return 1 - UpperSeries(-ncp, out ncpSlope);
        return UpperSeries(ncp, out ncpSlope);
    }

    // F(|t|; ν, δ) and its derivative in δ.
    private double UpperSeries(double ncp, out double ncpSlope)
    {
        double phiMinusDelta = Normal.CDF(0, 1, -ncp);
        double lambda = ncp * ncp / 2;
        double phiSlope = -Math.Exp(-lambda) * InverseSqrt2Pi;
        if (_t == 0)
        {
            ncpSlope = phiSlope;
            return phiMinusDelta;
        }

        double x = _x, b = _b, logX = _logX;
        double logLambda = Math.Log(lambda);
        double sign = Math.Sign(ncp);
        double logAbsDeltaOverSqrt2 = Math.Log(Math.Abs(ncp)) - 0.5 * Math.Log(2);

        int mode = (int)Math.Floor(lambda);
        if (mode != _mode) AtMode(mode);
        // The Poisson(λ) weights beyond 10 standard deviations (plus a margin for small λ) are below 1e-20.
        int spread = (int)Math.Ceiling(10 * Math.Sqrt(lambda) + 20);
        int jLow = Math.Max(0, mode - spread);
        int jHigh = mode + spread;

        double iP0 = _iP0, iQ0 = _iQ0, logGP0 = _logGP0, logGQ0 = _logGQ0;
        double gP0 = Math.Exp(logGP0), gQ0 = Math.Exp(logGQ0);
        double logP0 = -lambda + mode * logLambda - _logGammaP;
        double logQ0 = -lambda + mode * logLambda - _logGammaQ + logAbsDeltaOverSqrt2;

        double sum = 0, slope = 0;
        // Upwards from the mode (terms shrink; recurrence subtracts, clamp tiny negative round-off).
        {
            double iP = iP0, iQ = iQ0, gP = gP0, gQ = gQ0;
            double p = Math.Exp(logP0), q = Math.Exp(logQ0);
            for (int j = mode; j <= jHigh; j++)
            {
                double aPj = j + 0.5, aQj = j + 1.0;
                sum += p * iP + sign * q * iQ;
                slope += p * (2 * j / ncp - ncp) * iP + sign * q * ((2 * j + 1) / ncp - ncp) * iQ;
                // advance to j + 1
                iP = Math.Max(0, iP - gP);
                iQ = Math.Max(0, iQ - gQ);
                gP *= x * (aPj + b) / (aPj + 1);
                gQ *= x * (aQj + b) / (aQj + 1);
                p *= lambda / (j + 1);
                q *= lambda / (j + 1.5);
                if (p == 0 && q == 0) break;
            }
        }
        // Downwards from the mode − 1 (recurrence adds positive terms: stable).
        if (mode > jLow)
        {
            // G grows going down; kept in logs because G at the mode may underflow while lower terms matter.
            double iP = iP0, iQ = iQ0, logGP = logGP0, logGQ = logGQ0;
            double p = Math.Exp(logP0), q = Math.Exp(logQ0);
            for (int j = mode - 1; j >= jLow; j--)
            {
                // from a = j + 1 (+½) to a = j (+½): G(a − 1) = G(a)·a / (x (a − 1 + b))
                double aPNext = j + 1.5, aQNext = j + 2.0;
                logGP += Math.Log(aPNext / (aPNext - 1 + b)) - logX;
                logGQ += Math.Log(aQNext / (aQNext - 1 + b)) - logX;
                iP += Math.Exp(logGP);
                iQ += Math.Exp(logGQ);
                p *= (j + 1) / lambda;
                q *= (j + 1.5) / lambda;
                sum += p * iP + sign * q * iQ;
                slope += p * (2 * j / ncp - ncp) * iP + sign * q * ((2 * j + 1) / ncp - ncp) * iQ;
            }
        }
        ncpSlope = phiSlope + 0.5 * slope;
        double f = phiMinusDelta + 0.5 * sum;
        return Math.Clamp(f, 0, 1);
    }

    // The δ-free parts of the series at a new Poisson mode.
    private void AtMode(int mode)
    {
        double aP = mode + 0.5, aQ = mode + 1.0;
        _iP0 = IncompleteBeta(aP, _b, _x, _y);
        _iQ0 = IncompleteBeta(aQ, _b, _x, _y);
        // G(a) = x^a y^b / (a B(a, b)): the recurrence step I(a) − I(a + 1).
        _logGP0 = aP * _logX + _b * _logY - Math.Log(aP) - LogBeta(aP, _b);
        _logGQ0 = aQ * _logX + _b * _logY - Math.Log(aQ) - LogBeta(aQ, _b);
        _logGammaP = SpecialFunctions.GammaLn(mode + 1.0);
        _logGammaQ = SpecialFunctions.GammaLn(mode + 1.5);
        _mode = mode;
    }

    // I_x(a, b), evaluated on the side of the symmetry point where the continued fraction converges fast,
    // with y = 1 − x passed in exactly (x near 1 would otherwise lose digits to 1 − x).
    private static double IncompleteBeta(double a, double b, double x, double y) =>
        x <= (a + 1) / (a + b + 2)
            ? SpecialFunctions.BetaRegularized(a, b, x)
            : 1 - SpecialFunctions.BetaRegularized(b, a, y);

    private static double LogBeta(double a, double b) =>
        SpecialFunctions.GammaLn(a) + SpecialFunctions.GammaLn(b) - SpecialFunctions.GammaLn(a + b);
}
