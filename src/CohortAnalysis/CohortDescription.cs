using System.Globalization;
using System.Text;

namespace CohortAnalysis;

/// <summary>What a cohort holds: subjects per arm, parameters, visits, completeness by visit and the data-quality report.</summary>
/// <remarks>Immutable.</remarks>
/// <param name="Source">File or data-frame name.</param>
/// <param name="Subjects">Number of subjects.</param>
/// <param name="Observations">Number of observations (rows of the long form).</param>
/// <param name="Arms">Subjects per arm.</param>
/// <param name="Parameters">Parameters with their instrument (if registered).</param>
/// <param name="Visits">Visits, by time.</param>
/// <param name="Completeness">Per parameter × arm × visit: subjects with a non-missing score.</param>
/// <param name="Baseline">The baseline rule used.</param>
/// <param name="Report">The data-quality report of the load.</param>
public sealed record CohortDescription(
    string Source,
    int Subjects,
    int Observations,
    IReadOnlyList<ArmSize> Arms,
    IReadOnlyList<ParameterDescription> Parameters,
    IReadOnlyList<Visit> Visits,
    IReadOnlyList<VisitCompleteness> Completeness,
    string Baseline,
    DataQualityReport Report) : ITabular
{
    /// <summary>Completeness by parameter × arm × visit, with arm sizes in the notes.</summary>
    public TableView ToTableView()
    {
        var inv = CultureInfo.InvariantCulture;
        return TableView.Create(
            string.Create(inv, $"Cohort {Source}: {Subjects} subjects, {Observations} observations"),
            [new("Parameter"), new("Arm"), new("Visit"), new("Observed", Numeric: true), new("Arm n", Numeric: true), new("%", Numeric: true)],
            Completeness.Select(c => (IReadOnlyList<string>)[c.Parameter, c.Arm, c.Visit.DisplayName,
                c.Observed.ToString(inv), c.ArmSubjects.ToString(inv), c.Percent.ToString("0.0", inv)]),
            [string.Join("; ", Arms.Select(a => string.Create(inv, $"{a.Arm}: n = {a.Subjects}"))), "Baseline: " + Baseline, Report.ToString()]);
    }

    internal static CohortDescription Of(Cohort cohort)
    {
        int[] perArm = new int[cohort.Arms.Count];
        for (int s = 0; s < cohort.Subjects.Count; s++) perArm[cohort.ArmIndexOfSubject(s)]++;
        var arms = cohort.Arms.Select((a, i) => new ArmSize(a, perArm[i])).ToList();

        var visitIndex = new Dictionary<double, int>();
        for (int v = 0; v < cohort.Visits.Count; v++) visitIndex[cohort.Visits[v].Time] = v;
        var completeness = new List<VisitCompleteness>();
        var parameters = new List<ParameterDescription>();
        ReadOnlySpan<int> subject = cohort.SubjectIndex;
        ReadOnlySpan<double> time = cohort.VisitTimes, value = cohort.Values;
        for (int p = 0; p < cohort.Parameters.Count; p++)
        {
            var observed = new int[cohort.Arms.Count, cohort.Visits.Count];
            var recorded = new int[cohort.Arms.Count, cohort.Visits.Count];
            var (start, length) = cohort.RowsOf(p).GetOffsetAndLength(cohort.ObservationCount);
            for (int r = start; r < start + length; r++)
            {
                int a = cohort.ArmIndexOfSubject(subject[r]), v = visitIndex[time[r]];
                recorded[a, v]++;
                if (!double.IsNaN(value[r])) observed[a, v]++;
            }
            var instrument = cohort.InstrumentOf(cohort.Parameters[p]);
            parameters.Add(new ParameterDescription(cohort.Parameters[p], instrument?.Name, instrument?.RangeText, length));
            for (int a = 0; a < cohort.Arms.Count; a++)
                for (int v = 0; v < cohort.Visits.Count; v++)
                    if (recorded[a, v] > 0 || cohort.Visits[v].Time <= 0 || observed[a, v] > 0)
                        completeness.Add(new VisitCompleteness(cohort.Parameters[p], cohort.Arms[a], cohort.Visits[v], observed[a, v], recorded[a, v], perArm[a]));
        }
        return new CohortDescription(cohort.Source, cohort.Subjects.Count, cohort.ObservationCount, arms, parameters,
            cohort.Visits, completeness, cohort.BaselineRule.ToString(), cohort.Report);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"Cohort {Source}: {Subjects} subjects, {Observations} observations");
        text.AppendLine("Arms: " + string.Join("; ", Arms.Select(a => string.Create(inv, $"{a.Arm} (n = {a.Subjects})"))));
        text.AppendLine("Parameters: " + string.Join("; ", Parameters.Select(p => p.Instrument is null
            ? string.Create(inv, $"{p.Code} (no registered instrument, {p.Observations} obs)")
            : string.Create(inv, $"{p.Code} = {p.Instrument}, range {p.Range} ({p.Observations} obs)"))));
        text.AppendLine("Visits: " + string.Join(", ", Visits.Select(v => string.Create(inv, $"{v.DisplayName} ({v.Time:0.###})"))));
        text.AppendLine("Baseline: " + Baseline);
        text.AppendLine();
        text.AppendLine("Completeness (subjects with a non-missing score / subjects in arm):");
        foreach (var parameter in Completeness.GroupBy(c => c.Parameter))
        {
            var visits = parameter.Select(c => c.Visit).Distinct().OrderBy(v => v.Time).ToList();
            var rows = parameter.GroupBy(c => c.Arm).Select(arm => (Arm: arm.Key, Cells: visits.Select(v =>
                arm.FirstOrDefault(c => c.Visit.Time == v.Time) is { } cell
                    ? string.Create(inv, $"{cell.Observed}/{cell.ArmSubjects} ({cell.Percent:0}%)")
                    : "-").ToList())).ToList();
            // Every column at least two spaces wider than its widest text, so that counts of a large trial never run together.
            int armWidth = Math.Max(Math.Max(6, parameter.Key.Length + 2), parameter.Max(c => c.Arm.Length) + 4);
            int cellWidth = Math.Max(16, Math.Max(visits.Max(v => v.DisplayName.Length), rows.Max(r => r.Cells.Max(c => c.Length))) + 2);
            text.Append(parameter.Key.PadRight(armWidth));
            foreach (Visit v in visits) text.Append(v.DisplayName.PadLeft(cellWidth));
            text.AppendLine();
            foreach (var (arm, cells) in rows)
            {
                text.Append(("  " + arm).PadRight(armWidth));
                foreach (string cell in cells) text.Append(cell.PadLeft(cellWidth));
                text.AppendLine();
            }
        }
        text.AppendLine();
        text.AppendLine("Data quality: " + Report);
        // Missing scores are counted above and in the completeness table; every other issue is listed.
        var listed = Report.Issues.Where(i => i.Kind != DataIssueKind.MissingValue).ToList();
        foreach (DataIssue issue in listed.Take(20))
            text.AppendLine("  " + issue);
        int more = listed.Count - 20;
        if (more > 0) text.AppendLine(inv, $"  ... and {more} more (see the JSON output for all).");
        return text.ToString();
    }
}

/// <summary>An arm and its number of subjects.</summary>
/// <param name="Arm">Arm name.</param>
/// <param name="Subjects">Subjects randomised to it (with at least one observation).</param>
public sealed record ArmSize(string Arm, int Subjects);

/// <summary>A parameter of a cohort and its registered instrument.</summary>
/// <param name="Code">Parameter code.</param>
/// <param name="Instrument">Instrument name, or null when none is registered.</param>
/// <param name="Range">Instrument range as text, or null.</param>
/// <param name="Observations">Observations of this parameter.</param>
public sealed record ParameterDescription(string Code, string? Instrument, string? Range, int Observations);

/// <summary>How many subjects of an arm have a non-missing score on a parameter at a visit.</summary>
/// <param name="Parameter">Parameter code.</param>
/// <param name="Arm">Arm.</param>
/// <param name="Visit">Visit.</param>
/// <param name="Observed">Subjects with a non-missing score.</param>
/// <param name="Recorded">Subjects with a row (missing or not).</param>
/// <param name="ArmSubjects">Subjects in the arm.</param>
public sealed record VisitCompleteness(string Parameter, string Arm, Visit Visit, int Observed, int Recorded, int ArmSubjects)
{
    /// <summary>Observed as a percentage of the arm.</summary>
    public double Percent => ArmSubjects == 0 ? double.NaN : 100.0 * Observed / ArmSubjects;
}
