using System.Globalization;

namespace CohortAnalysis.Models;

/// <summary>A graphical multiple test procedure: initial hypothesis weights and a transition matrix (Bretz et al. 2009).</summary>
/// <remarks>
/// <para>Weight wᵢ is the share of α at which Hᵢ is tested first; gᵢⱼ is the share of Hᵢ's weight passed to Hⱼ once Hᵢ is
/// rejected. Valid graphs have wᵢ ≥ 0, Σwᵢ ≤ 1, gᵢⱼ ≥ 0, gᵢᵢ = 0 and Σⱼ gᵢⱼ ≤ 1 (the conditions of Bretz et al. 2009,
/// Section 2), checked on construction.</para>
/// <para>Immutable (arrays are copied in and out); safe to share between threads. gMCP: <c>matrix2graph(m, weights)</c>;
/// graphicalMCP: <c>graph_create(hypotheses, transitions)</c>.</para>
/// </remarks>
public sealed class MultiplicityGraph
{
    private readonly double[] _weights;
    private readonly double[,] _transitions;

    /// <summary>A graph over the named hypotheses.</summary>
    /// <param name="names">Hypothesis labels, unique.</param>
    /// <param name="weights">Initial weights, one per hypothesis.</param>
    /// <param name="transitions">Square transition matrix, rows = from, columns = to.</param>
    /// <exception cref="ArgumentException">Sizes disagree, a label repeats, or a weight or transition breaks the conditions above.</exception>
    public MultiplicityGraph(IReadOnlyList<string> names, IReadOnlyList<double> weights, double[,] transitions)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(transitions);
        int m = names.Count;
        if (m == 0) throw new ArgumentException("A multiplicity graph needs at least one hypothesis.", nameof(names));
        if (weights.Count != m)
            throw new ArgumentException(Format($"weights has {weights.Count} entries for {m} hypotheses."), nameof(weights));
        if (transitions.GetLength(0) != m || transitions.GetLength(1) != m)
            throw new ArgumentException(Format($"transitions is {transitions.GetLength(0)}×{transitions.GetLength(1)}; it must be {m}×{m}."), nameof(transitions));
        string? repeated = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (repeated is not null) throw new ArgumentException($"Hypothesis label '{repeated}' appears more than once.", nameof(names));
        const double slack = 1e-12;   // sums of decimal fractions such as 1/3 + 1/3 + 1/3
        double total = 0;
        for (int i = 0; i < m; i++)
        {
            if (!(weights[i] >= 0) || double.IsInfinity(weights[i]))
                throw new ArgumentException(Format($"Weight of {names[i]} = {weights[i]} must be a finite number ≥ 0."), nameof(weights));
            total += weights[i];
            double rowSum = 0;
            for (int j = 0; j < m; j++)
            {
                double g = transitions[i, j];
                if (!(g >= 0) || double.IsInfinity(g))
                    throw new ArgumentException(Format($"Transition {names[i]} → {names[j]} = {g} must be a finite number ≥ 0."), nameof(transitions));
                if (i == j && g != 0)
                    throw new ArgumentException(Format($"Transition {names[i]} → {names[i]} = {g}: the diagonal must be 0."), nameof(transitions));
                rowSum += g;
            }
            if (rowSum > 1 + slack)
                throw new ArgumentException(Format($"Transitions out of {names[i]} sum to {rowSum}; they must sum to at most 1."), nameof(transitions));
        }
        if (total > 1 + slack)
            throw new ArgumentException(Format($"Weights sum to {total}; they must sum to at most 1."), nameof(weights));
        Names = names.ToArray();
        _weights = weights.ToArray();
        _transitions = (double[,])transitions.Clone();
    }

    /// <summary>Hypothesis labels, in input order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Number of hypotheses.</summary>
    public int Count => Names.Count;

    /// <summary>Initial weights.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>Transition weight from hypothesis <paramref name="from"/> to <paramref name="to"/>.</summary>
    public double Transition(int from, int to) => _transitions[from, to];

    /// <summary>A copy of the transition matrix.</summary>
    public double[,] Transitions() => (double[,])_transitions.Clone();

    /// <summary>Holm's procedure as a graph: weights 1/m, transitions 1/(m − 1) between every pair (Bretz et al. 2009).</summary>
    public static MultiplicityGraph Holm(IReadOnlyList<string> names)
    {
        int m = names.Count;
        var g = new double[m, m];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
                g[i, j] = i == j || m == 1 ? 0 : 1.0 / (m - 1);
        return new MultiplicityGraph(names, Enumerable.Repeat(1.0 / m, m).ToArray(), g);
    }

    /// <summary>The fixed-sequence procedure as a graph: weight 1 on the first hypothesis, a chain of transitions of 1.</summary>
    public static MultiplicityGraph FixedSequence(IReadOnlyList<string> names)
    {
        int m = names.Count;
        var g = new double[m, m];
        for (int i = 0; i + 1 < m; i++) g[i, i + 1] = 1;
        var w = new double[m];
        w[0] = 1;
        return new MultiplicityGraph(names, w, g);
    }

    /// <summary>Weighted Bonferroni without propagation: the given weights, no transitions.</summary>
    public static MultiplicityGraph Bonferroni(IReadOnlyList<string> names, IReadOnlyList<double>? weights = null) =>
        new(names, weights ?? Enumerable.Repeat(1.0 / names.Count, names.Count).ToArray(), new double[names.Count, names.Count]);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
