using System.Globalization;
using System.Text;
using CohortAnalysis.Descriptive;
using Microsoft.Data.Analysis;

namespace CohortAnalysis.Change;

/// <summary>One row of a change-from-baseline summary: a parameter × arm × visit × variable and its descriptive statistics.</summary>
/// <param name="Parameter">Parameter code.</param>
/// <param name="Arm">Arm.</param>
/// <param name="Visit">Visit.</param>
/// <param name="Variable">AVAL, CHG or PCHG.</param>
/// <param name="Summary">n, n missing, mean, SD, SE, t CI, median, Q1, Q3, min, max.</param>
/// <param name="Imputed">Values in this cell filled by the missing-data method (0 for observed cases).</param>
public sealed record ChangeSummaryRow(string Parameter, string Arm, Visit Visit, ChangeVariable Variable, Summary Summary, int Imputed)
{
    /// <summary>The ADaM name of the variable: AVAL, CHG or PCHG.</summary>
    public string VariableCode => ChangeSummaryTable.VariableCode(Variable);
}

/// <summary>Change-from-baseline summaries by parameter × arm × visit: AVAL at every visit, CHG and PCHG after baseline.</summary>
/// <remarks>
/// <para>Immutable. The layout follows tern's <c>summarize_change</c>: the baseline visit shows the observed value, later
/// visits its change (pharmaverse/tern#1345). n counts subjects with a value; n missing counts subjects of the arm who have
/// the parameter but no value at that visit (dropouts included), so n + n missing is the arm's size for the parameter.</para>
/// </remarks>
public sealed class ChangeSummaryTable : ITabular
{
    internal ChangeSummaryTable(IReadOnlyList<ChangeSummaryRow> rows, ChangeSummaryOptions options, string source, int imputed, DataQualityReport report)
    {
        Rows = rows; Options = options; Source = source; ImputedCount = imputed; Report = report;
    }

    /// <summary>The data-quality report of the cohort summarised: rows read, used and excluded, and why.</summary>
    public DataQualityReport Report { get; }

    /// <summary>The rows, by parameter, arm, visit and variable.</summary>
    public IReadOnlyList<ChangeSummaryRow> Rows { get; }

    /// <summary>The options used (missing-data method, CI level, quantile definition).</summary>
    public ChangeSummaryOptions Options { get; }

    /// <summary>The cohort's source.</summary>
    public string Source { get; }

    /// <summary>Values filled by the missing-data method, over all rows.</summary>
    public int ImputedCount { get; }

    /// <summary>The row for a parameter × arm × visit time × variable, or null.</summary>
    public ChangeSummaryRow? Find(string parameter, string arm, double visit, ChangeVariable variable) =>
        Rows.FirstOrDefault(r => r.Parameter == parameter && r.Arm == arm && r.Visit.Time == visit && r.Variable == variable);

    /// <summary>The table as a DataFrame: PARAMCD, ARM, AVISITN, AVISIT, VARIABLE (AVAL/CHG/PCHG), N, NMISS, MEAN, SD, SE,
    /// CI_LOWER, CI_UPPER, CI_LEVEL, MEDIAN, Q1, Q3, MIN, MAX, IMPUTED; not-estimable statistics are nulls.</summary>
    public DataFrame ToDataFrame()
    {
        int n = Rows.Count;
        var columns = new List<DataFrameColumn>
        {
            new StringDataFrameColumn("PARAMCD", Rows.Select(r => r.Parameter)),
            new StringDataFrameColumn("ARM", Rows.Select(r => r.Arm)),
            new DoubleDataFrameColumn("AVISITN", Rows.Select(r => r.Visit.Time)),
            new StringDataFrameColumn("AVISIT", Rows.Select(r => r.Visit.DisplayName)),
            new StringDataFrameColumn("VARIABLE", Rows.Select(r => VariableCode(r.Variable))),
            new Int32DataFrameColumn("N", Rows.Select(r => r.Summary.N)),
            new Int32DataFrameColumn("NMISS", Rows.Select(r => r.Summary.NMissing)),
        };
        void Add(string name, Func<Summary, double> pick) => columns.Add(new DoubleDataFrameColumn(name, Rows.Select(r => Display.Nullable(pick(r.Summary)))));
        Add("MEAN", s => s.Mean); Add("SD", s => s.Sd); Add("SE", s => s.Se);
        Add("CI_LOWER", s => s.MeanCi.Lower); Add("CI_UPPER", s => s.MeanCi.Upper); Add("CI_LEVEL", s => s.MeanCi.Level);
        Add("MEDIAN", s => s.Median); Add("Q1", s => s.Q1); Add("Q3", s => s.Q3); Add("MIN", s => s.Min); Add("MAX", s => s.Max);
        columns.Add(new Int32DataFrameColumn("IMPUTED", Rows.Select(r => r.Imputed)));
        return new DataFrame(columns);
    }

    /// <inheritdoc />
    public TableView ToTableView() => TableView.Create(
        Title,
        [new("Parameter"), new("Arm"), new("Visit"), new("Variable"), new("n", true), new("n miss", true), new("Mean", true), new("SD", true),
         new("SE", true), new(CiHeader, true), new("Median", true), new("Q1, Q3", true), new("Min, Max", true)],
        Rows.Select(r => (IReadOnlyList<string>)[r.Parameter, r.Arm, r.Visit.DisplayName, VariableCode(r.Variable), Display.Integer(r.Summary.N),
            Display.Integer(r.Summary.NMissing), Display.Number(r.Summary.Mean, "0.00"), Display.Number(r.Summary.Sd, "0.00"),
            Display.Number(r.Summary.Se, "0.00"), Display.Interval(r.Summary.MeanCi, "0.00"), Display.Number(r.Summary.Median, "0.0"),
            $"{Display.Number(r.Summary.Q1, "0.0")}, {Display.Number(r.Summary.Q3, "0.0")}",
            $"{Display.Number(r.Summary.Min, "0.#")}, {Display.Number(r.Summary.Max, "0.#")}"]),
        Notes);

    private string Title => $"Change from baseline ({Source})";

    private string CiHeader => string.Create(CultureInfo.InvariantCulture, $"{Options.CiLevel * 100:0.##}% CI (t)");

    private IReadOnlyList<string> Notes =>
    [
        $"Missing data: {Options.MissingData.Describe()}; {ImputedCount.ToString(CultureInfo.InvariantCulture)} values carried forward.",
        Display.DataLine(Report),
        $"Quantiles: {(Options.QuantileMethod == QuantileMethod.SasDefinition5 ? "SAS PCTLDEF=5 (R type 2)" : Options.QuantileMethod.ToString())}. PCHG = 100·CHG/|BASE|, missing when BASE = 0.",
    ];

    internal static string VariableCode(ChangeVariable v) => v switch
    {
        ChangeVariable.Value => "AVAL",
        ChangeVariable.Change => "CHG",
        _ => "PCHG",
    };

    /// <inheritdoc />
    public override string ToString() => TextTable.Render(ToTableView());
}
