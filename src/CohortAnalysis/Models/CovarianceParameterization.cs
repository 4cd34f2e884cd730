using System.Globalization;

namespace CohortAnalysis.Models;

/// <summary>Maps unconstrained parameters θ to a positive-definite T×T covariance matrix for each
/// <see cref="CovarianceStructure"/>, gives starting values from an empirical covariance, and reports the estimates in
/// SAS PROC MIXED's parameterisation (UN(i,j), CS and Residual, Var(i), Rho(k), AR(1), TOEPH(k), SP(EXP)).</summary>
/// <remarks>
/// Standard deviations enter as exp(θ); correlations as tanh(θ) (AR, ARH, ANTE, Toeplitz partial autocorrelations) or,
/// for CS, as −1/(T−1) + (1 + 1/(T−1))·logistic(θ), the range where Σ is positive definite; the unstructured matrix as
/// LLᵀ with L lower triangular and log diagonal (Pinheiro &amp; Bates 1996). Toeplitz correlations come from partial
/// autocorrelations by the Durbin–Levinson recursion, a bijection onto positive-definite Toeplitz correlation matrices.
/// </remarks>
internal sealed class CovarianceParameterization
{
    public CovarianceParameterization(CovarianceStructure structure, double[] visitTimes)
    {
        Structure = structure;
        Times = visitTimes;
        T = visitTimes.Length;
        Count = structure switch
        {
            CovarianceStructure.Unstructured => T * (T + 1) / 2,
            CovarianceStructure.CompoundSymmetry or CovarianceStructure.Autoregressive or CovarianceStructure.SpatialExponential => 2,
            CovarianceStructure.HeterogeneousCompoundSymmetry or CovarianceStructure.HeterogeneousAutoregressive => T + 1,
            CovarianceStructure.Toeplitz => T,
            CovarianceStructure.HeterogeneousToeplitz or CovarianceStructure.AnteDependence => 2 * T - 1,
            _ => throw new ArgumentOutOfRangeException(nameof(structure), structure, "Unknown covariance structure."),
        };
    }

    public CovarianceStructure Structure { get; }

    /// <summary>Visit times (coordinates for the spatial structure).</summary>
    public double[] Times { get; }

    /// <summary>Number of visits.</summary>
    public int T { get; }

    /// <summary>Number of parameters.</summary>
    public int Count { get; }

    /// <summary>Σ(θ) into <paramref name="sigma"/> (T×T, row-major), ∂Σ/∂θₖ into <paramref name="derivatives"/>[k] and
    /// ∂²Σ/∂θₖ∂θₗ into <paramref name="second"/>[k·Count + l] when given (exact, by hyper-dual numbers).</summary>
    public void Evaluate(ReadOnlySpan<double> theta, double[] sigma, double[][]? derivatives, double[][]? second = null) =>
        Differentiate(Fill, theta, sigma, derivatives, second);

    /// <summary>As <see cref="Evaluate"/>, in SAS's natural parameters φ (the values and order of <see cref="Natural"/>):
    /// UN(i,j); CS, Residual; Var(i), CSH; AR(1), Residual; Var(i), ARH(1); TOEP(k), Residual; Var(i), TOEPH(k);
    /// Var(i), Rho(k); SP(EXP), Residual. UN, CS and TOEP are linear in φ.</summary>
    public void EvaluateNatural(ReadOnlySpan<double> phi, double[] sigma, double[][]? derivatives, double[][]? second = null) =>
        Differentiate(FillNatural, phi, sigma, derivatives, second);

    private void Differentiate(Action<Dual[], Dual[]> fill, ReadOnlySpan<double> theta, double[] sigma, double[][]? derivatives, double[][]? second)
    {
        var dual = new Dual[Count];
        var s = new Dual[T * T];
        for (int i = 0; i < Count; i++) dual[i] = theta[i];
        fill(dual, s);
        for (int i = 0; i < s.Length; i++) sigma[i] = s[i].Value;
        if (derivatives is not null)
            for (int k = 0; k < Count; k++)
            {
                dual[k] = new Dual(theta[k], 1, 0, 0);
                fill(dual, s);
                for (int i = 0; i < s.Length; i++) derivatives[k][i] = s[i].D1;
                dual[k] = theta[k];
            }
        if (second is null) return;
        for (int k = 0; k < Count; k++)
            for (int l = k; l < Count; l++)
            {
                dual[k] = new Dual(theta[k], 1, k == l ? 1 : 0, 0);
                if (l != k) dual[l] = new Dual(theta[l], 0, 1, 0);
                fill(dual, s);
                for (int i = 0; i < s.Length; i++) second[k * Count + l][i] = second[l * Count + k][i] = s[i].D12;
                dual[k] = theta[k];
                dual[l] = theta[l];
            }
    }

    private void FillNatural(Dual[] phi, Dual[] s)
    {
        Dual Sd(int i) => Dual.Sqrt(phi[i]);
        switch (Structure)
        {
            case CovarianceStructure.Unstructured:
            {
                int k = 0;
                for (int i = 0; i < T; i++)
                    for (int j = 0; j <= i; j++) s[i * T + j] = s[j * T + i] = phi[k++];
                break;
            }
            case CovarianceStructure.CompoundSymmetry:
                Fill(s, (i, j) => i == j ? phi[0] + phi[1] : phi[0]);
                break;
            case CovarianceStructure.HeterogeneousCompoundSymmetry:
                Fill(s, (i, j) => i == j ? phi[i] : Sd(i) * Sd(j) * phi[T]);
                break;
            case CovarianceStructure.Autoregressive:
                Fill(s, (i, j) => phi[1] * Power(phi[0], Math.Abs(i - j)));
                break;
            case CovarianceStructure.HeterogeneousAutoregressive:
                Fill(s, (i, j) => i == j ? phi[i] : Sd(i) * Sd(j) * Power(phi[T], Math.Abs(i - j)));
                break;
            case CovarianceStructure.Toeplitz:
                Fill(s, (i, j) => i == j ? phi[T - 1] : phi[Math.Abs(i - j) - 1]);
                break;
            case CovarianceStructure.HeterogeneousToeplitz:
                Fill(s, (i, j) => i == j ? phi[i] : Sd(i) * Sd(j) * phi[T + Math.Abs(i - j) - 1]);
                break;
            case CovarianceStructure.AnteDependence:
                Fill(s, (i, j) =>
                {
                    if (i == j) return phi[i];
                    Dual v = Sd(i) * Sd(j);
                    for (int k = Math.Min(i, j); k < Math.Max(i, j); k++) v *= phi[T + k];
                    return v;
                });
                break;
            case CovarianceStructure.SpatialExponential:
                Fill(s, (i, j) => i == j ? phi[1] : phi[1] * Dual.Exp(-(Dual)Math.Abs(Times[i] - Times[j]) / phi[0]));
                break;
        }
    }

    private void Fill(Dual[] th, Dual[] s)
    {
        switch (Structure)
        {
            case CovarianceStructure.Unstructured:
            {
                var l = new Dual[T * T];
                for (int i = 0; i < T; i++) l[i * T + i] = Dual.Exp(th[i]);
                int k = T;
                for (int i = 1; i < T; i++)
                    for (int j = 0; j < i; j++) l[i * T + j] = th[k++];
                for (int i = 0; i < T; i++)
                    for (int j = 0; j <= i; j++)
                    {
                        Dual sum = 0;
                        for (int m = 0; m <= j; m++) sum += l[i * T + m] * l[j * T + m];
                        s[i * T + j] = s[j * T + i] = sum;
                    }
                break;
            }
            case CovarianceStructure.CompoundSymmetry:
            {
                Dual sd = Dual.Exp(th[0]);
                Dual rho = CsCorrelation(th[1]);
                Fill(s, (i, j) => i == j ? sd * sd : sd * sd * rho);
                break;
            }
            case CovarianceStructure.HeterogeneousCompoundSymmetry:
            {
                Dual rho = CsCorrelation(th[T]);
                Fill(s, (i, j) => i == j ? Dual.Exp(th[i] + th[i]) : Dual.Exp(th[i] + th[j]) * rho);
                break;
            }
            case CovarianceStructure.Autoregressive:
            {
                Dual var = Dual.Exp(th[0] + th[0]);
                Dual rho = Dual.Tanh(th[1]);
                Fill(s, (i, j) => var * Power(rho, Math.Abs(i - j)));
                break;
            }
            case CovarianceStructure.HeterogeneousAutoregressive:
            {
                Dual rho = Dual.Tanh(th[T]);
                Fill(s, (i, j) => Dual.Exp(th[i] + th[j]) * Power(rho, Math.Abs(i - j)));
                break;
            }
            case CovarianceStructure.Toeplitz:
            {
                Dual var = Dual.Exp(th[0] + th[0]);
                Dual[] rho = ToeplitzCorrelations(th.AsSpan(1, T - 1));
                Fill(s, (i, j) => var * rho[Math.Abs(i - j)]);
                break;
            }
            case CovarianceStructure.HeterogeneousToeplitz:
            {
                Dual[] rho = ToeplitzCorrelations(th.AsSpan(T, T - 1));
                Fill(s, (i, j) => Dual.Exp(th[i] + th[j]) * rho[Math.Abs(i - j)]);
                break;
            }
            case CovarianceStructure.AnteDependence:
            {
                Fill(s, (i, j) =>
                {
                    Dual v = Dual.Exp(th[i] + th[j]);
                    for (int k = Math.Min(i, j); k < Math.Max(i, j); k++) v *= Dual.Tanh(th[T + k]);
                    return v;
                });
                break;
            }
            case CovarianceStructure.SpatialExponential:
            {
                Dual var = Dual.Exp(th[0] + th[0]);
                Dual range = Dual.Exp(th[1]);
                Fill(s, (i, j) => i == j ? var : var * Dual.Exp(-(Dual)Math.Abs(Times[i] - Times[j]) / range));
                break;
            }
        }
    }

    private void Fill(Dual[] s, Func<int, int, Dual> entry)
    {
        for (int i = 0; i < T; i++)
            for (int j = 0; j <= i; j++) s[i * T + j] = s[j * T + i] = entry(i, j);
    }

    private Dual CsCorrelation(Dual theta)
    {
        double lower = T > 1 ? -1.0 / (T - 1) : -1;
        return lower + (1 - lower) * Dual.Logistic(theta);
    }

    private static Dual Power(Dual x, int n)
    {
        Dual r = 1;
        for (int i = 0; i < n; i++) r *= x;
        return r;
    }

    /// <summary>Autocorrelations ρ₀ = 1, ρ₁ … ρ_{T−1} from partial autocorrelations tanh(θ) (Durbin–Levinson).</summary>
    private static Dual[] ToeplitzCorrelations(ReadOnlySpan<Dual> theta)
    {
        int m = theta.Length;
        var rho = new Dual[m + 1];
        rho[0] = 1;
        var phi = new Dual[m + 1];
        var next = new Dual[m + 1];
        for (int k = 1; k <= m; k++)
        {
            Dual pk = Dual.Tanh(theta[k - 1]);
            Dual lagged = 0, own = 0;
            for (int j = 1; j < k; j++) { lagged += phi[j] * rho[k - j]; own += phi[j] * rho[j]; }
            rho[k] = lagged + pk * (1 - own);
            for (int j = 1; j < k; j++) next[j] = phi[j] - pk * phi[k - j];
            next[k] = pk;
            for (int j = 1; j <= k; j++) phi[j] = next[j];
        }
        return rho;
    }

    /// <summary>Starting values from an empirical covariance matrix (T×T, row-major; positive definite).</summary>
    public double[] Start(double[] empirical)
    {
        double[] sd = Enumerable.Range(0, T).Select(i => Math.Sqrt(empirical[i * T + i])).ToArray();
        double Corr(int i, int j) => empirical[i * T + j] / (sd[i] * sd[j]);
        double meanSd = Math.Exp(sd.Average(Math.Log));
        double lag1 = T > 1 ? Enumerable.Range(0, T - 1).Average(i => Corr(i, i + 1)) : 0;
        double meanCorr = T > 1 ? Enumerable.Range(0, T).SelectMany(i => Enumerable.Range(0, i).Select(j => Corr(i, j))).Average() : 0;
        double Atanh(double r) => Math.Atanh(Math.Clamp(r, -0.9, 0.9));
        double CsTheta(double r)
        {
            double lower = T > 1 ? -1.0 / (T - 1) : -1;
            double u = Math.Clamp((r - lower) / (1 - lower), 0.05, 0.95);
            return Math.Log(u / (1 - u));
        }
        var theta = new double[Count];
        switch (Structure)
        {
            case CovarianceStructure.Unstructured:
            {
                double[] l = Cholesky(empirical, T) ?? Diagonal(empirical, T);
                for (int i = 0; i < T; i++) theta[i] = Math.Log(l[i * T + i]);
                int k = T;
                for (int i = 1; i < T; i++)
                    for (int j = 0; j < i; j++) theta[k++] = l[i * T + j];
                break;
            }
            case CovarianceStructure.CompoundSymmetry:
                theta[0] = Math.Log(meanSd); theta[1] = CsTheta(meanCorr); break;
            case CovarianceStructure.HeterogeneousCompoundSymmetry:
                for (int i = 0; i < T; i++) theta[i] = Math.Log(sd[i]);
                theta[T] = CsTheta(meanCorr); break;
            case CovarianceStructure.Autoregressive:
                theta[0] = Math.Log(meanSd); theta[1] = Atanh(lag1); break;
            case CovarianceStructure.HeterogeneousAutoregressive:
                for (int i = 0; i < T; i++) theta[i] = Math.Log(sd[i]);
                theta[T] = Atanh(lag1); break;
            case CovarianceStructure.Toeplitz:
                theta[0] = Math.Log(meanSd);
                if (T > 1) theta[1] = Atanh(lag1);
                break;
            case CovarianceStructure.HeterogeneousToeplitz:
                for (int i = 0; i < T; i++) theta[i] = Math.Log(sd[i]);
                if (T > 1) theta[T] = Atanh(lag1);
                break;
            case CovarianceStructure.AnteDependence:
                for (int i = 0; i < T; i++) theta[i] = Math.Log(sd[i]);
                for (int k = 0; k < T - 1; k++) theta[T + k] = Atanh(Corr(k, k + 1));
                break;
            case CovarianceStructure.SpatialExponential:
            {
                theta[0] = Math.Log(meanSd);
                double gap = T > 1 ? Enumerable.Range(0, T - 1).Average(i => Times[i + 1] - Times[i]) : 1;
                double r = Math.Clamp(lag1, 0.05, 0.95);
                theta[1] = Math.Log(-gap / Math.Log(r));
                break;
            }
        }
        return theta;
    }

    /// <summary>The estimates in SAS PROC MIXED's names and scale, for Σ(θ).</summary>
    public IReadOnlyList<(string Name, double Value)> Natural(ReadOnlySpan<double> parameters)
    {
        double[] theta = parameters.ToArray();
        var sigma = new double[T * T];
        Evaluate(theta, sigma, null);
        double S(int i, int j) => sigma[i * T + j];
        string I(int i) => (i + 1).ToString(CultureInfo.InvariantCulture);
        IEnumerable<(string, double)> Variances() => Enumerable.Range(0, T).Select(i => ($"Var({I(i)})", S(i, i)));
        double Corr(int i, int j) => S(i, j) / Math.Sqrt(S(i, i) * S(j, j));
        return Structure switch
        {
            CovarianceStructure.Unstructured => Enumerable.Range(0, T)
                .SelectMany(i => Enumerable.Range(0, i + 1).Select(j => ($"UN({I(i)},{I(j)})", S(i, j)))).ToList(),
            CovarianceStructure.CompoundSymmetry => T > 1 ? [("CS", S(1, 0)), ("Residual", S(0, 0) - S(1, 0))] : [("Residual", S(0, 0))],
            CovarianceStructure.HeterogeneousCompoundSymmetry => [.. Variances(), ("CSH", T > 1 ? Corr(1, 0) : 0)],
            CovarianceStructure.Autoregressive => [("AR(1)", Math.Tanh(theta[1])), ("Residual", S(0, 0))],
            CovarianceStructure.HeterogeneousAutoregressive => [.. Variances(), ("ARH(1)", Math.Tanh(theta[T]))],
            CovarianceStructure.Toeplitz => [.. Enumerable.Range(1, T - 1).Select(k => ($"TOEP({I(k)})", S(k, 0))), ("Residual", S(0, 0))],
            CovarianceStructure.HeterogeneousToeplitz => [.. Variances(), .. Enumerable.Range(1, T - 1).Select(k => ($"TOEPH({k.ToString(CultureInfo.InvariantCulture)})", Corr(k, 0)))],
            CovarianceStructure.AnteDependence => [.. Variances(), .. Enumerable.Range(0, T - 1).Select(k => ($"Rho({I(k)})", Math.Tanh(theta[T + k])))],
            CovarianceStructure.SpatialExponential => [("SP(EXP)", Math.Exp(theta[1])), ("Residual", S(0, 0))],
            _ => [],
        };
    }

    /// <summary>Lower Cholesky factor (row-major) or null when not positive definite.</summary>
    internal static double[]? Cholesky(double[] a, int n)
    {
        var l = new double[n * n];
        return CholeskyInto(a, n, l) ? l : null;
    }

    /// <summary>Writes the lower Cholesky factor of <paramref name="a"/> (n × n, row-major) into <paramref name="l"/>;
    /// false when <paramref name="a"/> is not positive definite.</summary>
    internal static bool CholeskyInto(double[] a, int n, double[] l)
    {
        Array.Clear(l);
        for (int j = 0; j < n; j++)
        {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
            if (!(d > 0)) return false;
            double ljj = Math.Sqrt(d);
            l[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++)
            {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
                l[i * n + j] = s / ljj;
            }
        }
        return true;
    }

    private static double[] Diagonal(double[] a, int n)
    {
        var l = new double[n * n];
        for (int i = 0; i < n; i++) l[i * n + i] = Math.Sqrt(a[i * n + i]);
        return l;
    }
}
