using System.Globalization;
using CohortAnalysis.Data;
using Xunit;

namespace CohortAnalysis.Tests.Data;

/// <summary>ADaM record selection and the ADSL merge on an ADaM-shaped pair written by haven
/// (known-results/adam/write_adam.R, R 4.2.2, haven 2.5.1; a stand-in for the CDISC pilot's ADADAS, which is not available
/// offline). The counts to match were computed in that script (adam_expected.csv): a second implementation, exact.</summary>
public class AdamSelectionTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "known-results", "adam");
    private static string Adqs => Path.Combine(Folder, "adqsadas.xpt");
    private static string Adsl => Path.Combine(Folder, "adsl.xpt");

    private static Dictionary<string, int> Expected()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "adam_expected.csv")).Skip(1).ToArray();
        Assert.Equal(7, lines.Length);
        return lines.Select(l => l.Split(',')).ToDictionary(f => f[0].Trim('"'), f => int.Parse(f[1], CultureInfo.InvariantCulture));
    }

    private static CohortReadOptions With(AdamOptions adam) => CohortReadOptions.Default with { Adam = adam };

    [Fact]
    public void Read_WithoutAnalysisFlag_DuplicateErrorNamesAnlzzfl()
    {
        var e = Assert.Throws<CohortDataException>(() => CohortFileReader.Read(Adqs));
        Assert.Contains("duplicate visit: subject 01-701-1003, ACTOT at visit 24 already on line", e.Message);
        Assert.Contains("This looks like an ADaM BDS dataset with derived records (DTYPE) and analysis flags (ANL01FL): several records per subject × parameter × visit are expected there; choose the analysis records with an ANLzzFL flag (CLI --analysis-flag ANL01FL; library AdamOptions.AnalysisFlag = \"ANL01FL\").", e.Message);
    }

    [Fact]
    public void Read_AnalysisFlag_SetsAsideTheOthersAndCountsLocf()
    {
        var expected = Expected();
        Cohort cohort = CohortFileReader.Read(Adqs, With(new() { AnalysisFlag = "ANL01FL" }));
        Assert.Equal(expected["records"], cohort.Report.RowsRead);
        Assert.Equal(expected["loaded_anl01fl_only"], cohort.Report.RowsLoaded);
        Assert.Equal(expected["not_anl01fl"], cohort.Report.Issues.Count(i => i.Kind == DataIssueKind.NotAnalysisRecord && i.Severity == DataIssueSeverity.Excluded));
        Assert.Equal(expected["locf_loaded"], cohort.Report.Issues.Count(i => i.Kind == DataIssueKind.DerivedRecord && i.Value == "LOCF"));
        Assert.Contains(cohort.Report.Issues, i => i.Message == "ANL01FL is '', not 'Y': not an analysis record; set aside.");
    }

    // Issue 14: derived records are labelled in results too, not only in the data-quality report.
    [Fact]
    public void Results_FromDerivedRecords_SayHowManyAreDerived()
    {
        int locf = Expected()["locf_loaded"];
        Cohort cohort = CohortFileReader.Read(Adqs, With(new() { AnalysisFlag = "ANL01FL" }));
        Assert.Equal(new Dictionary<string, int> { ["LOCF"] = locf }, cohort.Report.DerivedRecords);
        string note = string.Create(CultureInfo.InvariantCulture, $"{locf} records are derived, not observed (DTYPE = LOCF)");
        Assert.Equal(note, cohort.Report.DerivedRecordsNote);
        string text = CohortAnalysis.Models.Ancova.Fit(cohort, "ACTOT", 24).ToText(cohort.Report);
        Assert.Contains($"see Report). {note}.", text);
        Assert.Empty(DemoTrial.Load().Report.DerivedRecords);
        Assert.Equal("", DemoTrial.Load().Report.DerivedRecordsNote);
    }

    [Fact]
    public void Read_Population_KeepsFlaggedSubjectsOnly()
    {
        var expected = Expected();
        Cohort cohort = CohortFileReader.Read(Adqs, With(new() { AnalysisFlag = "ANL01FL", Population = "EFFFL" }));
        Assert.Equal(expected["loaded_anl01fl_efffl"], cohort.Report.RowsLoaded);
        Assert.Equal(expected["anl01fl_not_efffl"], cohort.Report.Issues.Count(i => i.Kind == DataIssueKind.OutsidePopulation));
        Assert.Equal(expected["subjects_efffl"], cohort.Subjects.Count);
        Assert.Equal(cohort.Report.RowsRead, cohort.Report.RowsLoaded + cohort.Report.RowsExcluded);
    }

    [Fact]
    public void Read_Adsl_MergesCovariatesAndPopulation()
    {
        var expected = Expected();
        Cohort cohort = CohortFileReader.Read(Adqs, With(new() { AnalysisFlag = "ANL01FL", Population = "EFFFL", SubjectLevelFile = Adsl }));
        Assert.Equal(expected["subjects_efffl"], cohort.Subjects.Count);
        Assert.Contains("AGEGR1", cohort.CovariateNames);
        Assert.Contains("SEX", cohort.CovariateNames);
        Assert.Contains("TRT01P", cohort.CovariateNames);
        Assert.All(cohort.CovariateValues("SEX")!, v => Assert.Contains(v, new[] { "F", "M" }));
    }

    [Fact]
    public void Read_AdslDisagreeing_NamesSubjectVariableAndBothValues()
    {
        string folder = Path.Combine(Path.GetTempPath(), "cohort-adsl-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string adsl = Path.Combine(folder, "adsl.csv");
        File.WriteAllText(adsl, "USUBJID,SITEGR1,SEX\n" + string.Join("\n", Enumerable.Range(1, 12).Select(i => $"01-701-{1000 + i:0000},{(i == 2 ? "999" : i <= 4 ? "701" : i <= 8 ? "702" : "900")},F")) + "\n");
        var e = Assert.Throws<CohortDataException>(() => CohortFileReader.Read(Adqs, With(new() { AnalysisFlag = "ANL01FL", SubjectLevelFile = adsl })));
        Assert.Contains("column SITEGR1: subject 01-701-1002 has SITEGR1 '701' here but '999' in adsl.csv (line 3); the datasets disagree.", e.Message);
    }

    [Fact]
    public void Read_MissingAnalysisFlagColumn_IsAHeaderError()
    {
        var e = Assert.Throws<CohortDataException>(() => CohortFileReader.Read(Adqs, With(new() { AnalysisFlag = "ANL02FL" })));
        Assert.StartsWith("adqsadas.xpt line 1, column ANL02FL: the header has no analysis flag column ANL02FL;", e.Message);
    }
}
