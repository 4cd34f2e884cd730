using CohortAnalysis.Cli;
using CohortAnalysis.Data;
using Xunit;

namespace CohortAnalysis.Tests.Cli;

/// <summary><c>cohort demo --output</c> in the typed formats: the rows are made one at a time as each writer asks for
/// them (the SAS writer goes through them twice), and every format loads the cohort the CSV loads.</summary>
public class DemoFileTests
{
    [Theory]
    [InlineData(".xpt")]
    [InlineData(".json")]
    [InlineData(".ndjson")]
    [InlineData(".parquet")]
    public void TypedDemoFile_LoadsTheCsvCohort(string extension)
    {
        string folder = Path.Combine(Path.GetTempPath(), "cohort-demo-file-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string csv = DemoTrial.Generate(seed: 3, subjects: 140);
        string csvPath = Path.Combine(folder, "adqs.csv"), path = Path.Combine(folder, "adqs" + extension);
        File.WriteAllText(csvPath, csv);
        Assert.True(DemoFile.Write(csv, path));
        Assert.False(DemoFile.Write(csv, Path.Combine(folder, "adqs.txt")));

        Cohort fromCsv = CohortFileReader.Read(csvPath), typed = CohortFileReader.Read(path);
        Assert.Equal(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1, (int)typed.Report.RowsRead);
        Assert.Equal(fromCsv.Subjects, typed.Subjects);
        Assert.Equal(fromCsv.Values.ToArray(), typed.Values.ToArray());
        Assert.Equal(fromCsv.Changes.ToArray(), typed.Changes.ToArray());
        Assert.Equal(fromCsv.CovariateValues("SITEID"), typed.CovariateValues("SITEID"));
        Assert.Equal(ValueKind.Number, CohortFileReader.ReadMetadata(path).Variables.Single(v => v.Name == "AVAL").Kind);
        Assert.Equal(ValueKind.Text, CohortFileReader.ReadMetadata(path).Variables.Single(v => v.Name == "USUBJID").Kind);
    }
}
