using System.Globalization;

namespace CohortAnalysis.Tests.Interactive;

/// <summary>A stand-in result implementing <see cref="ITabular"/>, as the library's summary tables will.</summary>
internal sealed record DemoChangeTable(IReadOnlyList<(string Arm, int N, double Mean, double Sd)> Arms) : ITabular
{
    public TableView ToTableView() => TableView.Create(
        "MADRS change from baseline at week 6",
        [new("Arm"), new("n", Numeric: true), new("Mean", Numeric: true), new("SD", Numeric: true)],
        Arms.Select(a => (IReadOnlyList<string>)[a.Arm, a.N.ToString(CultureInfo.InvariantCulture),
            double.IsNaN(a.Sd) ? "NA" : a.Mean.ToString("0.0", CultureInfo.InvariantCulture),
            double.IsNaN(a.Sd) ? "NA" : a.Sd.ToString("0.0", CultureInfo.InvariantCulture)]),
        ["Observed cases.", "Arm <n = 2> & others: SD not estimable."]);
}
