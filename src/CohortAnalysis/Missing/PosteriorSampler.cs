using CohortAnalysis.Randomness;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace CohortAnalysis.Missing;

/// <summary>Draws (β, Σ) of the imputation MMRM (unstructured Σ) from their posterior given the values used, by Gibbs
/// sampling with data augmentation.</summary>
/// <remarks>
/// <para>Prior p(β, Σ) ∝ |Σ|^−(T+1)/2 (Jeffreys). One iteration: (1) every value not used is drawn from its
/// conditional normal given the subject's values used under MAR (own arm); (2) Σ | β, Y ~ W⁻¹(n, Σᵢ eᵢeᵢᵀ), eᵢ = yᵢ − Xᵢβ
/// over the n subjects' completed vectors; (3) β | Σ, Y ~ N(β̃, (ΣXᵢᵀΣ⁻¹Xᵢ)⁻¹), β̃ the GLS estimate. The chain starts at
/// the REML fit; after the burn-in every thin-th (β, Σ) is kept.</para>
/// <para>The chain runs on one stream (index −1 of the seed), sequentially, so its draws do not depend on the thread
/// count. The Wishart draw is MathNet.Numerics' <c>InverseWishart.Sample</c> (Bartlett decomposition) on that stream.</para>
/// <para>References: Tanner &amp; Wong (1987) JASA 82:528-540; Schafer (1997) ch. 5; the same posterior rbmi's
/// <c>method_bayes</c> samples (by Stan, with a weakly informative prior on Σ).</para>
/// </remarks>
internal static class PosteriorSampler
{
    public static ModelParameters[] Draw(ImputationData d, ModelParameters start, int burnIn, int thin, int count, ulong seed,
        IProgress<ImputationProgress>? progress, CancellationToken cancellationToken)
    {
        int n = d.N, t = d.T, p = d.P;
        var random = new SeededRandom(Xoshiro256.ForReplicate(seed, -1));
        var beta = (double[])start.Beta.Clone();
        var sigma = (double[])start.Sigma.Clone();
        var y = (double[])d.Y.Clone();
        ulong[] masks = Enumerable.Range(0, n).Select(d.ObservedMask).ToArray();
        ulong complete = t == 64 ? ulong.MaxValue : (1UL << t) - 1;
        var mu = new double[t];
        var draws = new ModelParameters[count];
        int total = burnIn + count * thin;
        var s = Matrix<double>.Build.Dense(t, t);
        var a = new double[p * p];
        var c = new double[p];
        var xt = new double[t * p];
        var yt = new double[t];
        var e = new double[t];
        for (int iteration = 1; iteration <= total; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // (1) missing values | β, Σ (MAR)
            var conditional = new ConditionalNormal(sigma, t);
            for (int i = 0; i < n; i++)
            {
                if (masks[i] == complete) continue;
                StrategyMeans.Fill(d, i, beta, mu, mar: true);
                conditional.Impute(y.AsSpan(i * t, t), mu, masks[i], random);
            }
            // (2) Σ | β, Y ~ W⁻¹(n, S)
            s.Clear();
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < t; j++)
                {
                    double fit = 0;
                    ReadOnlySpan<double> x = d.XOwn.AsSpan((i * t + j) * p, p);
                    for (int k = 0; k < p; k++) fit += x[k] * beta[k];
                    e[j] = y[i * t + j] - fit;
                }
                for (int j = 0; j < t; j++) for (int k = 0; k < t; k++) s[j, k] += e[j] * e[k];
            }
            Matrix<double> drawn = InverseWishart.Sample(random, n, s);
            for (int j = 0; j < t; j++) for (int k = 0; k < t; k++) sigma[j * t + k] = (drawn[j, k] + drawn[k, j]) / 2;
            // (3) β | Σ, Y ~ N(β̃, A⁻¹), A = ΣXᵢᵀΣ⁻¹Xᵢ: whiten by the Cholesky factor of Σ
            double[] ls = Models.CovarianceParameterization.Cholesky(sigma, t)
                ?? throw new Models.ModelFitException("A posterior draw of the covariance is not positive definite.");
            Array.Clear(a);
            Array.Clear(c);
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < t; j++)
                {
                    double yv = y[i * t + j];
                    for (int k = 0; k < p; k++) xt[j * p + k] = d.XOwn[(i * t + j) * p + k];
                    for (int r = 0; r < j; r++)
                    {
                        double lr = ls[j * t + r];
                        for (int k = 0; k < p; k++) xt[j * p + k] -= lr * xt[r * p + k];
                        yv -= lr * yt[r];
                    }
                    double inv = 1 / ls[j * t + j];
                    for (int k = 0; k < p; k++) xt[j * p + k] *= inv;
                    yt[j] = yv * inv;
                    for (int k = 0; k < p; k++)
                    {
                        double xk = xt[j * p + k];
                        if (xk == 0) continue;
                        for (int q = 0; q <= k; q++) a[k * p + q] += xk * xt[j * p + q];
                        c[k] += xk * yt[j];
                    }
                }
            }
            for (int k = 0; k < p; k++) for (int q = 0; q < k; q++) a[q * p + k] = a[k * p + q];
            double[] la = Models.CovarianceParameterization.Cholesky(a, p)
                ?? throw new Models.ModelFitException("The fixed-effects information of the imputation model is singular in a posterior draw.");
            // β̃ = A⁻¹c, then β = β̃ + L⁻ᵀz so that Cov = L⁻ᵀL⁻¹ = A⁻¹.
            var z = new double[p];
            for (int r = 0; r < p; r++)
            {
                double v = c[r];
                for (int k = 0; k < r; k++) v -= la[r * p + k] * z[k];
                z[r] = v / la[r * p + r];
            }
            for (int r = 0; r < p; r++) z[r] += random.NextNormal();
            for (int r = p - 1; r >= 0; r--)
            {
                double v = z[r];
                for (int k = r + 1; k < p; k++) v -= la[k * p + r] * beta[k];
                beta[r] = v / la[r * p + r];
            }
            if (iteration > burnIn && (iteration - burnIn) % thin == 0)
                draws[(iteration - burnIn) / thin - 1] = new ModelParameters((double[])beta.Clone(), (double[])sigma.Clone(), []);
            if (iteration % 100 == 0 || iteration == total) progress?.Report(new ImputationProgress("posterior draws", iteration, total));
        }
        return draws;
    }
}
