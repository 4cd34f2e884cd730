using System.Globalization;

namespace CohortAnalysis.Models;

/// <summary>Type III tests laid out as a <see cref="TableView"/>: term, df, denominator df, SS (when any test has one:
/// not for an MMRM), F, p.</summary>
internal static class TermTestTable
{
    public static TableView Of(string title, IReadOnlyList<TermTest> tests, IEnumerable<string> notes)
    {
        bool squares = tests.Any(t => !double.IsNaN(t.SumOfSquares));
        TableColumn[] columns = squares
            ? [new("Term"), new("df", true), new("Den df", true), new("Type III SS", true), new("F", true), new("p", true)]
            : [new("Term"), new("df", true), new("Den df", true), new("F", true), new("p", true)];
        return TableView.Create(title, columns,
            tests.Select(t => (IReadOnlyList<string>)(squares
                ? [t.Term, Display.Integer(t.NumeratorDf), Number(t.DenominatorDf), double.IsNaN(t.SumOfSquares) ? "" : Number(t.SumOfSquares), Number(t.F), Display.P(t.PValue)]
                : [t.Term, Display.Integer(t.NumeratorDf), Number(t.DenominatorDf), Number(t.F), Display.P(t.PValue)])),
            [.. notes, .. tests.Select(t => t.Method).Distinct()]);
    }

    private static string Number(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);
}
