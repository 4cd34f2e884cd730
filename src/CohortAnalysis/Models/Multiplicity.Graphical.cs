namespace CohortAnalysis.Models;

public static partial class Multiplicity
{
    /// <summary>The graphical approach of Bretz et al. (2009) with weighted Bonferroni tests: adjusted p-values and rejections.</summary>
    /// <remarks>
    /// <para>Sequentially rejective algorithm (Bretz et al. 2009, Algorithm 1): among the hypotheses still in the graph take j
    /// minimising pⱼ/wⱼ; if pⱼ ≤ wⱼα reject Hⱼ, remove it, and update the graph — wₗ ← wₗ + wⱼgⱼₗ;
    /// gₗₖ ← (gₗₖ + gₗⱼgⱼₖ)/(1 − gₗⱼgⱼₗ) for l ≠ k (0 when gₗⱼgⱼₗ = 1) — and repeat; otherwise stop.</para>
    /// <para>Adjusted p-values (Bretz et al. 2011, Section 2): run the same removal sequence regardless of α, giving the
    /// hypothesis removed at each step p̃ⱼ = max(min(pⱼ/wⱼ, 1), p̃ of the previous step); hypotheses left with weight 0 in every
    /// remaining node get p̃ = 1. Hⱼ is rejected iff p̃ⱼ ≤ α, which reproduces the algorithm above.</para>
    /// <para>Holm, fixed sequence, fallback and gatekeeping procedures are special graphs (<see cref="MultiplicityGraph.Holm"/>,
    /// <see cref="MultiplicityGraph.FixedSequence"/>). R: gMCP <c>gMCP(graph, pvalues, alpha)</c>; graphicalMCP
    /// <c>graph_test_shortcut(graph, p, alpha)</c>.</para>
    /// </remarks>
    /// <param name="graph">Weights and transitions.</param>
    /// <param name="pValues">Unadjusted p-values in the graph's hypothesis order.</param>
    /// <param name="alpha">Default 0.025 (one-sided confirmatory level, as graphicalMCP; gMCP uses 0.05).</param>
    /// <exception cref="ArgumentException">The number of p-values differs from the graph's, a p-value is not in [0, 1], or α is not in (0, 1).</exception>
    public static MultiplicityResult Graphical(MultiplicityGraph graph, IReadOnlyList<double> pValues, double alpha = 0.025)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(pValues);
        CheckAlpha(alpha);
        int m = graph.Count;
        if (pValues.Count != m)
            throw new ArgumentException($"{pValues.Count} p-values for a graph of {m} hypotheses.", nameof(pValues));
        double[] p = pValues.ToArray();
        CheckPValues(p, graph.Names);

        var state = new GraphState(graph);
        var adjusted = new double[m];
        var step = new int?[m];
        var removalOrder = new List<int>(m);
        double previous = 0;
        while (state.ActiveCount > 0)
        {
            int j = state.SmallestWeightedP(p);
            if (j < 0)
            {
                // Every remaining hypothesis has weight 0: none can ever be rejected.
                foreach (int i in state.Active) adjusted[i] = 1;
                break;
            }
            adjusted[j] = previous = Math.Max(Math.Min(p[j] / state.Weight(j), 1), previous);
            removalOrder.Add(j);
            state.Remove(j);
        }

        // Adjusted p-values do not decrease along the removal order, so the rejected hypotheses are its first steps;
        // replaying those removals gives the graph the sequentially rejective algorithm ends with.
        var final = new GraphState(graph);
        for (int s = 0; s < removalOrder.Count && adjusted[removalOrder[s]] <= alpha; s++)
        {
            step[removalOrder[s]] = s + 1;
            final.Remove(removalOrder[s]);
        }
        MultiplicityGraph? finalGraph = final.ActiveCount > 0 ? final.Snapshot(graph.Names) : null;

        var rows = new AdjustedHypothesis[m];
        for (int i = 0; i < m; i++) rows[i] = new AdjustedHypothesis(graph.Names[i], p[i], adjusted[i], adjusted[i] <= alpha, step[i]);
        return new MultiplicityResult("graphical (Bretz et al. 2009), weighted Bonferroni", "FWER", alpha, rows,
            Citations.Bretz2009 + " Adjusted p-values: " + Citations.Bretz2011) { FinalGraph = finalGraph };
    }

    /// <summary>The working copy of a graph during the sequentially rejective algorithm.</summary>
    private sealed class GraphState
    {
        private readonly double[] _w;
        private readonly double[,] _g;
        private readonly bool[] _active;

        public GraphState(MultiplicityGraph graph)
        {
            _w = graph.Weights.ToArray();
            _g = graph.Transitions();
            _active = Enumerable.Repeat(true, graph.Count).ToArray();
            ActiveCount = graph.Count;
        }

        public int ActiveCount { get; private set; }

        public IEnumerable<int> Active => Enumerable.Range(0, _w.Length).Where(i => _active[i]);

        public double Weight(int i) => _w[i];

        /// <summary>The active hypothesis with positive weight minimising p/w (ties: the first); −1 when none has weight.</summary>
        public int SmallestWeightedP(double[] p)
        {
            int best = -1;
            double bestRatio = double.PositiveInfinity;
            for (int i = 0; i < _w.Length; i++)
            {
                if (!_active[i] || !(_w[i] > 0)) continue;
                double ratio = p[i] / _w[i];
                if (best < 0 || ratio < bestRatio) { best = i; bestRatio = ratio; }
            }
            return best;
        }

        /// <summary>Removes hypothesis j and passes its weight and transitions on (Bretz et al. 2009, Algorithm 1, step 3).</summary>
        public void Remove(int j)
        {
            int m = _w.Length;
            var g = new double[m, m];
            for (int l = 0; l < m; l++)
            {
                if (!_active[l] || l == j) continue;
                _w[l] += _w[j] * _g[j, l];
                for (int k = 0; k < m; k++)
                {
                    if (!_active[k] || k == j || k == l) continue;
                    double denominator = 1 - _g[l, j] * _g[j, l];
                    g[l, k] = denominator > 0 ? (_g[l, k] + _g[l, j] * _g[j, k]) / denominator : 0;
                }
            }
            Array.Copy(g, _g, g.Length);
            _w[j] = 0;
            _active[j] = false;
            ActiveCount--;
        }

        /// <summary>The remaining hypotheses as a graph (weights and transitions among them).</summary>
        public MultiplicityGraph Snapshot(IReadOnlyList<string> names)
        {
            int[] keep = Active.ToArray();
            var g = new double[keep.Length, keep.Length];
            for (int a = 0; a < keep.Length; a++)
                for (int b = 0; b < keep.Length; b++)
                    g[a, b] = _g[keep[a], keep[b]];
            // Rounding in the update can push a sum a hair above 1; the graph constructor allows 1e-12 of slack.
            return new MultiplicityGraph(keep.Select(i => names[i]).ToArray(), keep.Select(i => _w[i]).ToArray(), g);
        }
    }
}
