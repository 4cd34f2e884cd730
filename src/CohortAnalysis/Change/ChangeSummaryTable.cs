using System.Globalization;
using CohortAnalysis.Descriptive;
using Microsoft.Data.Analysis;

namespace CohortAnalysis.Change;

/// <summary>One row of a change-from-baseline summary: a parameter × arm × visit × variable and its descriptive statistics.</summary>
/// <remarks>As an <see cref="IEstimate"/> it is the mean with its t interval, keyed by <see cref="Comparison"/>.</remarks>
/// <param name="Parameter">Parameter code.</param>
/// <param name="Arm">Arm.</param>
/// <param name="Visit">Visit.</param>
/// <param name="Variable">AVAL, CHG or PCHG.</param>
/// <param name="Summary">n, n missing, mean, SD, SE, t CI, median, Q1, Q3, min, max.</param>
/// <param name="Imputed">Values in this cell filled by the missing-data method (0 for observed cases).</param>
/// <param name="MissingData">The missing-data method applied before summarising.</param>
public sealed record ChangeSummaryRow(string Parameter, string Arm, Visit Visit, ChangeVariable Variable, Summary Summary, int Imputed,
    MissingDataMethod MissingData = MissingDataMethod.ObservedCases) : IEstimate, IDescribedSample
{
    /// <summary>The ADaM name of the variable: AVAL, CHG or PCHG.</summary>
    public string VariableCode => Comparison.VariableCode(Variable);

    /// <summary>The typed key: parameter, visit, variable, arm and missing-data method.</summary>
    public Comparison Comparison => new() { Parameter = Parameter, Visit = Visit, Variable = Variable, Arm = Arm, MissingData = MissingData };

    /// <inheritdoc />
    public string Name => "Mean";
    /// <inheritdoc />
    public double Estimate => Summary.Mean;
    /// <inheritdoc />
    public ConfidenceInterval Ci => Summary.MeanCi;
    /// <inheritdoc />
    public EstimateSizes Sizes => Summary.Sizes;
    /// <inheritdoc />
    public string Method => ((IEstimate)Summary).Method;
    /// <inheritdoc />
    public string Reference => Summary.Reference;
    /// <inheritdoc />
    public string Note => ((IEstimate)Summary).Note
        + (Imputed > 0 ? string.Create(CultureInfo.InvariantCulture, $"{(((IEstimate)Summary).Note.Length > 0 ? "; " : "")}{Imputed} values imputed ({MissingData.Describe()})") : "");
    /// <inheritdoc />
    public double StandardError => Summary.Se;
    /// <inheritdoc />
    public double DegreesOfFreedom => ((IEstimate)Summary).DegreesOfFreedom;
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

    /// <summary>One table of several tables' rows, in the order given: the tables of one cohort's parameters, each made
    /// by <see cref="ChangeFromBaseline.Summarize(IReadOnlyList{Trajectories}, ChangeSummaryOptions?)"/> with the same
    /// options, give the table that call makes for all of them at once (a caller holding one parameter's trajectories at
    /// a time can so keep memory down). The imputed counts add up.</summary>
    /// <exception cref="ArgumentException">No tables, or tables of different cohorts or made with different options.</exception>
    public static ChangeSummaryTable Combine(IReadOnlyList<ChangeSummaryTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Count == 0) throw new ArgumentException("No tables to combine.", nameof(tables));
        ChangeSummaryTable first = tables[0];
        foreach (ChangeSummaryTable t in tables)
        {
            if (!ReferenceEquals(t.Report, first.Report))
                throw new ArgumentException($"The tables summarise different cohorts ({first.Source} and {t.Source}).", nameof(tables));
            if (t.Options != first.Options)
                throw new ArgumentException($"The tables were made with different options ({first.Options} and {t.Options}).", nameof(tables));
        }
        return tables.Count == 1 ? first
            : new ChangeSummaryTable(tables.SelectMany(t => t.Rows).ToList(), first.Options, first.Source, tables.Sum(t => t.ImputedCount), first.Report);
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

    /// <summary>The tidy frame (<see cref="Rendering.EstimateFrame"/>): one row per parameter × arm × visit × variable with the
    /// mean as the estimate, its t interval, n and missing; then the descriptive columns sd, median, q1, q3, min, max and
    /// imputed (values filled by the missing-data method). Not-estimable statistics are nulls.</summary>
    public DataFrame ToDataFrame()
    {
        DataFrame frame = Rendering.EstimateFrame.From(Rows);
        frame.Columns.Add(new Int32DataFrameColumn("imputed", Rows.Select(r => r.Imputed)));
        return frame;
    }

    /// <inheritdoc />
    public TableView ToTableView() => TableView.Create(
        Title,
        [new("Parameter"), new("Arm"), new("Visit"), new("Variable"), new("n", true), new("n miss", true), new("Mean", true), new("SD", true),
         new("SE", true), new(CiHeader, true), new("Median", true), new("Q1, Q3", true), new("Min, Max", true)],
        Rows.Select(r => (IReadOnlyList<string>)[r.Parameter, r.Arm, r.Visit.DisplayName, r.VariableCode, Display.Integer(r.Summary.N),
            Display.Integer(r.Summary.Sizes.Missing), Display.Number(r.Summary.Mean, "0.00"), Display.Number(r.Summary.Sd, "0.00"),
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

    /// <inheritdoc />
    public override string ToString() => TextTable.Render(ToTableView());
}
