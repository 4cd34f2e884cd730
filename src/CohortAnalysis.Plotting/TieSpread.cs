namespace CohortAnalysis.Plotting;

/// <summary>Spreads points that share exactly the same coordinates so that each stays visible (deterministic jitter).</summary>
/// <remarks>The k-th of m tied points (in input order) moves by 0.4·√((k + ½)/m) of each axis's smallest gap between distinct
/// values, at angle k × 137.508° (the golden angle, Vogel 1979): a sunflower pattern that fills a small disc evenly, never
/// reaches halfway to a neighbouring value, and needs no random numbers.</remarks>
internal static class TieSpread
{
    private const double Radius = 0.4;
    private static readonly double GoldenAngle = Math.PI * (3 - Math.Sqrt(5));

    /// <summary>Drawn positions, one per input point, and whether each moved.</summary>
    internal static IReadOnlyList<(double X, double Y, bool Moved)> Spread(IReadOnlyList<PairedPoint> points)
    {
        double gapX = SmallestGap(points.Select(p => p.X)), gapY = SmallestGap(points.Select(p => p.Y));
        var drawn = points.Select(p => (p.X, p.Y, Moved: false)).ToArray();
        foreach (var tie in Enumerable.Range(0, points.Count).Where(i => double.IsFinite(points[i].X) && double.IsFinite(points[i].Y))
                     .GroupBy(i => (points[i].X, points[i].Y)).Where(g => g.Count() > 1))
        {
            int[] members = tie.ToArray();
            for (int k = 0; k < members.Length; k++)
            {
                double r = Radius * Math.Sqrt((k + 0.5) / members.Length), angle = k * GoldenAngle;
                drawn[members[k]] = (tie.Key.X + r * Math.Cos(angle) * gapX, tie.Key.Y + r * Math.Sin(angle) * gapY, true);
            }
        }
        return drawn;
    }

    /// <summary>The smallest positive difference between distinct finite values, or 1 when there are fewer than two.</summary>
    private static double SmallestGap(IEnumerable<double> values)
    {
        double[] distinct = values.Where(double.IsFinite).Distinct().Order().ToArray();
        double gap = double.PositiveInfinity;
        for (int i = 1; i < distinct.Length; i++)
            gap = Math.Min(gap, distinct[i] - distinct[i - 1]);
        return double.IsFinite(gap) ? gap : 1;
    }
}
