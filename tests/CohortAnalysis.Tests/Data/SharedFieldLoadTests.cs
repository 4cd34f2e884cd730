using System.Globalization;
using System.Text;
using CohortAnalysis.Data;
using Xunit;

namespace CohortAnalysis.Tests.Data;

/// <summary>A typed source that shares its decoded strings under codes (<see cref="TabularSource.SharedField"/>: XPORT,
/// Dataset-JSON, Parquet) loads the cohort that reading every field as text loads: the same subjects, arms, covariates,
/// values, issues and cleaning counts, with codes that need cleaning, missing-value tokens and a cache that forgets.</summary>
public class SharedFieldLoadTests
{
    // Shares every non-null field under a code per distinct text and column; forgets every 500 rows (new codes for the
    // same texts, as the readers' direct-mapped caches do).
    private sealed class Sharing(TabularSource inner) : TabularSource
    {
        private readonly Dictionary<(int, string), (string Text, int Code)> _codes = [];
        private int _next, _row;
        public int Shared { get; private set; }
        public override string Name => inner.Name;
        public override IReadOnlyList<string> Header => inner.Header;
        public override long Line => inner.Line;
        public override int FieldCount => inner.FieldCount;
        public override bool Read()
        {
            if (++_row % 500 == 0) _codes.Clear();
            return inner.Read();
        }
        public override ReadOnlySpan<char> Field(int column, out bool isNull) => inner.Field(column, out isNull);
        public override string? SharedField(int column, out int code)
        {
            code = -1;
            string text = inner.Field(column, out bool isNull).ToString();
            if (isNull) return null;
            if (!_codes.TryGetValue((column, text), out var kept)) _codes[(column, text)] = kept = (text, _next++);
            code = kept.Code;
            Shared++;
            return kept.Text;
        }
        public override void Dispose() => inner.Dispose();
    }

    private static string Trial(int subjects)
    {
        var csv = new StringBuilder("USUBJID,TRT01P,SITE,COHORT,PARAMCD,AVISITN,AVISIT,AVAL\n");
        string[] arms = ["Placebo", " Placebo", "Drug\u00A0 25 mg", "Drug 25 mg", "Drug\u200B 25 mg"];
        string[] sites = ["101", "NA", " 102 ", "103", ""];
        for (int s = 0; s < subjects; s++)
        {
            string arm = s % 2 == 0 ? arms[s % 4 == 0 ? 0 : 1] : arms[2 + s % 3];
            for (int v = 0; v < 4; v++)
                csv.Append(CultureInfo.InvariantCulture,
                    $"S{s:00000},\"{arm}\",\"{sites[s % 5]}\",group {s % 7},MADRS,{v * 4},{(v == 0 ? "Baseline" : $"Week  {v * 4}")},{(s + v) % 61}\n");
        }
        return csv.ToString();
    }

    private static string Shown(Cohort cohort)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join("|", cohort.Subjects)).AppendLine(string.Join("|", cohort.Arms)).AppendLine(string.Join("|", cohort.Visits));
        for (int s = 0; s < cohort.Subjects.Count; s++)
            text.Append(cohort.ArmIndexOfSubject(s)).Append(':').Append(cohort.Covariate(s, "SITE") ?? "<none>").Append(';');
        text.AppendLine();
        foreach (Observation o in cohort.Observations) text.AppendLine(o.ToString());
        foreach (DataIssue issue in cohort.Report.Issues) text.AppendLine(issue.ToString());
        return text.ToString();
    }

    [Fact]
    public void SharedFields_LoadTheCohortReadingEveryFieldLoads()
    {
        string csv = Trial(3_000);
        var options = CohortReadOptions.Default with { Mapping = ColumnMapping.AdamBds with { Covariates = ["SITE"] } };
        Cohort asText = CohortCsvReader.Parse(csv, "trial.csv", options);
        using var sharing = new Sharing(new CsvTabularSource(new StringReader(csv), "trial.csv", ','));
        Cohort shared = CohortTableReader.Read(sharing, options);

        Assert.True(sharing.Shared > 12_000 * 6);
        Assert.Equal(12_000, shared.ObservationCount);
        Assert.Contains(shared.Report.Issues, i => i.Kind == DataIssueKind.NormalisedValue && i.Column == "TRT01P");
        Assert.Contains(shared.Report.Issues, i => i.Kind == DataIssueKind.NormalisedValue && i.Column == "SITE");
        Assert.Equal(Shown(asText), Shown(shared));
    }

    // A CSV source passed through: with shares, the loader's ShareTexts request reaches it (it then shares its code
    // columns' texts from some row on, on the read-ahead thread); without, it never shares.
    private sealed class Forwarding(TabularSource inner, bool shares) : TabularSource
    {
        public int Shared { get; private set; }
        public override string Name => inner.Name;
        public override IReadOnlyList<string> Header => inner.Header;
        public override long Line => inner.Line;
        public override long EndLine => inner.EndLine;
        public override int FieldCount => inner.FieldCount;
        public override long? EstimatedRows => inner.EstimatedRows;
        public override IEnumerable<DataIssue> Findings() => inner.Findings();
        public override bool Read() => inner.Read();
        public override ReadOnlySpan<char> Field(int column, out bool isNull) => inner.Field(column, out isNull);
        public override string? SharedField(int column, out int code)
        {
            string? shared = inner.SharedField(column, out code);
            if (shared is not null) Shared++;
            return shared;
        }
        internal override void ShareTexts(IReadOnlyCollection<int> columns)
        {
            if (shares) inner.ShareTexts(columns);
        }
        public override void Dispose() => inner.Dispose();
    }

    [Theory]
    [InlineData(0)]        // codes to clean, NA and empty sites, covariates: loads, with notes
    [InlineData(40_123)]   // a subject spelled with another letter case far into the file: refused
    [InlineData(47_999)]   // a subject in two arms on the last row: refused
    public void CsvSharingItsCodeColumns_LoadsWhatReadingEveryFieldAsTextLoads(int damagedRow)
    {
        // Past its first blocks a CSV read ahead shares its code columns' texts (CsvTabularSource.ShareTexts): the cohort,
        // its issues and its problems are those of reading every field as text.
        string[] lines = Trial(12_000).Split('\n');
        if (damagedRow == 40_123) lines[1 + damagedRow] = lines[1 + damagedRow].Replace("S10030,", "s10030,");
        if (damagedRow == 47_999)
        {
            string[] fields = lines[1 + damagedRow].Split(',');
            fields[1] = "Placebo";
            lines[1 + damagedRow] = string.Join(',', fields);
        }
        string csv = string.Join('\n', lines);
        Assert.Equal(damagedRow > 0, csv != Trial(12_000));
        var options = CohortReadOptions.Default with { Mapping = ColumnMapping.AdamBds with { Covariates = ["SITE", "COHORT"] } };
        string Load(bool shares, out int shared)
        {
            using var source = new Forwarding(new CsvTabularSource(new StringReader(csv), "trial.csv", ','), shares);
            try
            {
                return Shown(CohortTableReader.Read(source, options));
            }
            catch (CohortDataException e)
            {
                return e.Message;
            }
            finally
            {
                shared = source.Shared;
            }
        }
        string asText = Load(shares: false, out int none);
        string sharing = Load(shares: true, out int shared);
        Assert.Equal(0, none);
        Assert.True(shared > 10_000 * 5, $"{shared} fields shared");
        Assert.Equal(asText, sharing);
        if (damagedRow > 0) Assert.Contains("line", asText);
    }
}
