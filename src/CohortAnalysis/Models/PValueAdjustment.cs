namespace CohortAnalysis.Models;

/// <summary>The adjusted p-value formulas of <see cref="MultiplicityMethod"/>, on a validated array of p-values.</summary>
/// <remarks>With p₍₁₎ ≤ … ≤ p₍ₘ₎ the sorted p-values (ties keep their input order; every formula below is invariant to it):
/// Holm p̃₍ᵢ₎ = max_{j≤i} min(1, (m−j+1)p₍ⱼ₎); Hochberg p̃₍ᵢ₎ = min_{j≥i} min(1, (m−j+1)p₍ⱼ₎); BH p̃₍ᵢ₎ = min_{j≥i} min(1, m p₍ⱼ₎/j);
/// BY the same times Σₖ₌₁ᵐ 1/k; Hommel the closed-testing maximum of Simes p-values (see <see cref="Hommel"/>).</remarks>
internal static class PValueAdjustment
{
    public static double[] Adjust(ReadOnlySpan<double> p, MultiplicityMethod method) => method switch
    {
        MultiplicityMethod.Bonferroni => Bonferroni(p),
        MultiplicityMethod.Holm => StepDown(p, (m, j) => m - j + 1),
        MultiplicityMethod.Hochberg => StepUp(p, (m, j) => m - j + 1),
        MultiplicityMethod.BenjaminiHochberg => StepUp(p, (m, j) => (double)m / j),
        MultiplicityMethod.BenjaminiYekutieli => StepUp(p, (m, j) => HarmonicNumber(m) * m / j),
        MultiplicityMethod.Hommel => Hommel(p),
        MultiplicityMethod.FixedSequence => FixedSequence(p),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown multiplicity method."),
    };

    private static double[] Bonferroni(ReadOnlySpan<double> p)
    {
        var adjusted = new double[p.Length];
        for (int i = 0; i < p.Length; i++) adjusted[i] = Math.Min(1, p.Length * p[i]);
        return adjusted;
    }

    private static double[] FixedSequence(ReadOnlySpan<double> p)
    {
        var adjusted = new double[p.Length];
        double running = 0;
        for (int i = 0; i < p.Length; i++) adjusted[i] = running = Math.Max(running, p[i]);
        return adjusted;
    }

    /// <summary>Step-down: running maximum over the ascending p-values of min(1, factor(m, rank)·p).</summary>
    private static double[] StepDown(ReadOnlySpan<double> p, Func<int, int, double> factor)
    {
        int m = p.Length;
        int[] order = AscendingOrder(p);
        var adjusted = new double[m];
        double running = 0;
        for (int rank = 1; rank <= m; rank++)
        {
            int i = order[rank - 1];
            running = Math.Max(running, Math.Min(1, factor(m, rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /// <summary>Step-up: running minimum, from the largest p-value down, of min(1, factor(m, rank)·p).</summary>
    private static double[] StepUp(ReadOnlySpan<double> p, Func<int, int, double> factor)
    {
        int m = p.Length;
        int[] order = AscendingOrder(p);
        var adjusted = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--)
        {
            int i = order[rank - 1];
            running = Math.Min(running, Math.Min(1, factor(m, rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /// <summary>Hommel adjusted p-values: the largest Simes p-value over all intersections that contain the hypothesis.</summary>
    /// <remarks>Simes' p-value of a set J is min_k |J|·p₍ₖ:J₎/k and does not decrease when any member's p grows, so among the
    /// sets of size s containing H₍ᵣ₎ the worst is H₍ᵣ₎ with the s − 1 largest other p-values. For r ≤ m − s that set's Simes
    /// p is min(s·p₍ᵣ₎, q(s)) with q(s) = min_{k=2..s} s·p₍ₘ₋ₛ₊ₖ₎/k; for r &gt; m − s it is the Simes p of the s largest.
    /// The adjusted p is the maximum over s = 1..m: O(m²) (the closed-testing shortcut of Wright 1992).</remarks>
    private static double[] Hommel(ReadOnlySpan<double> p)
    {
        int m = p.Length;
        int[] order = AscendingOrder(p);
        var sorted = new double[m];
        for (int k = 0; k < m; k++) sorted[k] = p[order[k]];
        var worst = (double[])sorted.Clone();                 // s = 1: the p-value itself
        for (int s = 2; s <= m; s++)
        {
            double q = double.PositiveInfinity;               // min over k = 2..s of s·p(m−s+k)/k (1-based ranks)
            for (int k = 2; k <= s; k++) q = Math.Min(q, s * sorted[m - s + k - 1] / k);
            double topSet = Math.Min(s * sorted[m - s], q);   // Simes p of the s largest p-values
            for (int r = 1; r <= m; r++)
            {
                double simes = r <= m - s ? Math.Min(s * sorted[r - 1], q) : topSet;
                if (simes > worst[r - 1]) worst[r - 1] = simes;
            }
        }
        var adjusted = new double[m];
        for (int k = 0; k < m; k++) adjusted[order[k]] = Math.Min(1, worst[k]);
        return adjusted;
    }

    private static int[] AscendingOrder(ReadOnlySpan<double> p)
    {
        int[] order = Enumerable.Range(0, p.Length).ToArray();
        double[] keys = p.ToArray();
        // Stable: ties keep input order (Array.Sort is unstable, so break ties on the index).
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        return order;
    }

    private static double HarmonicNumber(int m)
    {
        double sum = 0;
        for (int k = 1; k <= m; k++) sum += 1.0 / k;
        return sum;
    }
}
