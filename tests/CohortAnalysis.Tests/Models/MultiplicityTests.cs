using System.Globalization;
using CohortAnalysis.Models;
using Xunit;

namespace CohortAnalysis.Tests.Models;

public class MultiplicityTests
{
    private static readonly (string Column, MultiplicityMethod Method)[] Methods =
    [
        ("bonferroni", MultiplicityMethod.Bonferroni), ("holm", MultiplicityMethod.Holm), ("hochberg", MultiplicityMethod.Hochberg),
        ("hommel", MultiplicityMethod.Hommel), ("BH", MultiplicityMethod.BenjaminiHochberg), ("BY", MultiplicityMethod.BenjaminiYekutieli),
        ("fixed_sequence", MultiplicityMethod.FixedSequence),
    ];

    private static IEnumerable<IGrouping<string, KnownResult>> PAdjustSets()
    {
        var rows = KnownResults.Rows("multiplicity/p_adjust.csv");
        Assert.Equal(389, rows.Count);   // 4 + 7 + 1 + 2 + 5 + 50 + 20 + 300
        return rows.GroupBy(r => r.Text("set"));
    }

    // Source: known-results/multiplicity/p_adjust.R (R 4.2.2, stats::p.adjust; fixed_sequence = cummax, a second implementation).
    // Tolerance: 1e-14 relative (the same arithmetic on the same doubles).
    [Fact]
    public void Adjust_EveryMethod_MatchesPAdjust()
    {
        int checkedSets = 0;
        foreach (var set in PAdjustSets())
        {
            double[] p = set.Select(r => r["p"]).ToArray();
            foreach (var (column, method) in Methods)
            {
                double[] adjusted = Multiplicity.Adjust(p, method);
                double[] expected = set.Select(r => r[column]).ToArray();
                Assert.Equal(expected.Length, adjusted.Length);
                for (int i = 0; i < p.Length; i++)
                    AssertClose.Relative(expected[i], adjusted[i], 1e-14, $"{set.Key} {column} [{i + 1}]");
            }
            checkedSets++;
        }
        Assert.Equal(8, checkedSets);
    }

    // The graphical approach reduces to Holm with weights 1/m and transitions 1/(m−1), and to the fixed sequence with a chain
    // of transitions (Bretz et al. 2009); checked against R p.adjust("holm") and cummax on every reference set.
    [Fact]
    public void Graphical_HolmAndFixedSequenceGraphs_MatchPAdjust()
    {
        foreach (var set in PAdjustSets())
        {
            double[] p = set.Select(r => r["p"]).ToArray();
            string[] names = Enumerable.Range(1, p.Length).Select(i => "H" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            var holm = Multiplicity.Graphical(MultiplicityGraph.Holm(names), p, 0.05);
            var sequence = Multiplicity.Graphical(MultiplicityGraph.FixedSequence(names), p, 0.05);
            var rows = set.ToArray();
            for (int i = 0; i < p.Length; i++)
            {
                AssertClose.Relative(rows[i]["holm"], holm.Hypotheses[i].AdjustedPValue, 1e-12, $"{set.Key} holm graph [{i + 1}]");
                AssertClose.Relative(rows[i]["fixed_sequence"], sequence.Hypotheses[i].AdjustedPValue, 1e-14, $"{set.Key} sequence graph [{i + 1}]");
            }
        }
    }

    // Source: known-results/multiplicity/graphical_examples.csv — documented outcomes of gMCPLite and graphicalMCP (each row
    // names its test file). The rejections are exact; adjusted p-values where the source prints them (2 decimals shown there).
    [Fact]
    public void Graphical_DocumentedExamples_RejectTheSameHypotheses()
    {
        var rows = KnownResults.Rows("multiplicity/graphical_examples.csv");
        Assert.Equal(6, rows.Count);
        foreach (var row in rows)
        {
            double[] w = Numbers(row.Text("weights"), ';');
            string[] lines = row.Text("transitions").Split(';');
            var g = new double[w.Length, w.Length];
            for (int i = 0; i < w.Length; i++)
            {
                double[] line = Numbers(lines[i], ' ');
                for (int j = 0; j < w.Length; j++) g[i, j] = line[j];
            }
            string[] names = Enumerable.Range(1, w.Length).Select(i => "H" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            var result = Multiplicity.Graphical(new MultiplicityGraph(names, w, g), Numbers(row.Text("p"), ';'), row["alpha"]);
            bool[] expected = Numbers(row.Text("rejected"), ';').Select(x => x == 1).ToArray();
            Assert.Equal(expected, result.Hypotheses.Select(h => h.Rejected).ToArray());
            if (row.Text("adjusted_p") != "NA")
            {
                double[] adjusted = Numbers(row.Text("adjusted_p"), ';');
                for (int i = 0; i < w.Length; i++) AssertClose.Relative(adjusted[i], result.Hypotheses[i].AdjustedPValue, 1e-12, row.Id);
            }
        }
    }

    // Parallel gatekeeping graph (two primaries H1, H2 with α/2 each, secondaries H3, H4 reached through them), gMCPLite p1.
    // Worked by hand from Algorithm 1: H2 (0.005 ≤ 0.025) rejected, w = (½, 0, 0, ½); H1 (0.01 ≤ 0.025) rejected, its ½ goes
    // to H3 (w3 = ½); H3 (0.01 ≤ 0.025) rejected, passes to H2 (gone) and on to H4 (w4 = 1); H4 (0.5 > 0.05) retained.
    [Fact]
    public void Graphical_ParallelGatekeeping_ReportsStepsAdjustedPAndFinalGraph()
    {
        var g = new double[4, 4];
        g[0, 2] = g[1, 3] = g[2, 1] = g[3, 0] = 1;
        var graph = new MultiplicityGraph(["H1", "H2", "H3", "H4"], [0.5, 0.5, 0, 0], g);
        var result = Multiplicity.Graphical(graph, [0.01, 0.005, 0.01, 0.5], 0.05);
        Assert.Equal(new int?[] { 2, 1, 3, null }, result.Hypotheses.Select(h => h.RejectionStep).ToArray());
        Assert.Equal(new[] { 0.02, 0.01, 0.02, 0.5 }, result.Hypotheses.Select(h => h.AdjustedPValue).ToArray());
        Assert.NotNull(result.FinalGraph);
        Assert.Equal(["H4"], result.FinalGraph!.Names);
        Assert.Equal(1.0, result.FinalGraph.Weights[0], 12);
        Assert.Equal("FWER", result.ErrorRate);
    }

    [Fact]
    public void Adjust_Labelled_RejectsAtAlphaAndKeepsOrder()
    {
        var result = Multiplicity.Adjust(["mood wk6", "pain wk6", "mood wk12"], [0.04, 0.01, 0.03], MultiplicityMethod.Hochberg, 0.05);
        Assert.Equal(["mood wk6", "pain wk6", "mood wk12"], result.Hypotheses.Select(h => h.Label));
        Assert.All(result.Hypotheses, h => Assert.True(h.Rejected));   // largest p 0.04 ≤ 0.05: step-up rejects all
        var bh = Multiplicity.Adjust(["a", "b"], [0.04, 0.01], MultiplicityMethod.BenjaminiHochberg);
        Assert.Equal("FDR", bh.ErrorRate);
    }

    [Fact]
    public void Adjust_MissingPValue_ThrowsNamingTheHypothesis()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Multiplicity.Adjust(["mood", "pain"], [0.01, double.NaN], MultiplicityMethod.Holm));
        Assert.StartsWith("p-value of pain = NaN must lie in [0, 1]; a hypothesis without a p-value cannot be part of the family.", ex.Message);
        Assert.Throws<ArgumentException>(() => Multiplicity.Adjust(ReadOnlySpan<double>.Empty, MultiplicityMethod.Holm));
        Assert.Throws<ArgumentOutOfRangeException>(() => Multiplicity.Adjust(["a"], [0.1], MultiplicityMethod.Holm, alpha: 5));
    }

    [Fact]
    public void Graph_InvalidWeightsOrTransitions_Throw()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MultiplicityGraph(["A", "B"], [0.7, 0.7], new double[2, 2]));
        Assert.StartsWith("Weights sum to 1.4; they must sum to at most 1.", ex.Message);
        var loop = new double[2, 2];
        loop[0, 0] = 1;
        ex = Assert.Throws<ArgumentException>(() => new MultiplicityGraph(["A", "B"], [0.5, 0.5], loop));
        Assert.StartsWith("Transition A → A = 1: the diagonal must be 0.", ex.Message);
        var heavy = new double[2, 2];
        heavy[0, 1] = 1.5;
        ex = Assert.Throws<ArgumentException>(() => new MultiplicityGraph(["A", "B"], [0.5, 0.5], heavy));
        Assert.StartsWith("Transitions out of A sum to 1.5; they must sum to at most 1.", ex.Message);
        Assert.Throws<ArgumentException>(() => new MultiplicityGraph(["A", "A"], [0.5, 0.5], new double[2, 2]));
    }

    private static double[] Numbers(string text, char separator) =>
        text.Split(separator, StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}
