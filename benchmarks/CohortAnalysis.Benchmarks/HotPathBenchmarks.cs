using System.Globalization;
using BenchmarkDotNet.Attributes;
using CohortAnalysis;
using CohortAnalysis.Change;
using CohortAnalysis.Data;
using CohortAnalysis.Data.ApacheParquet;
using CohortAnalysis.Inference;
using Sylvan.Data.Csv;

namespace CohortAnalysis.Benchmarks;

/// <summary>The data hot paths of issue 16, with allocations: loading a ~1 000 000-row ADaM long file (the seeded demo
/// trial, 111 000 subjects, 2 parameters × 5 visits) from CSV and from Parquet, and the change-from-baseline job on the
/// loaded cohort (what <c>cohort change</c> computes: summaries by arm × visit, within-arm and between-arm tests). The
/// effect-size hot paths are <see cref="EffectSizeHotPathBenchmarks"/>.</summary>
/// <remarks>The files are generated into a temporary folder in the global setup and deleted in the cleanup.</remarks>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private string _folder = "";
    private string _csv = "";
    private string _parquet = "";
    private Cohort _cohort = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "cohort-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _csv = Path.Combine(_folder, "big.csv");
        _parquet = Path.Combine(_folder, "big.parquet");
        using (var writer = new StreamWriter(_csv)) DemoTrial.Write(writer, seed: 7, subjects: 111_000);
        WriteParquet(_csv, _parquet);
        _cohort = CohortFileReader.Read(_csv);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Description = "Load 1M-row ADaM CSV")]
    public Cohort LoadCsv() => CohortFileReader.Read(_csv);

    [Benchmark(Description = "Load 1M-row ADaM Parquet")]
    public Cohort LoadParquet() => CohortFileReader.Read(_parquet);

    [Benchmark(Description = "Change job on the loaded 1M-row cohort (summaries + within/between tests)")]
    public int ChangeJob()
    {
        ChangeSummaryTable table = ChangeFromBaseline.Summarize(_cohort);
        int estimates = table.Rows.Count;
        foreach (string parameter in _cohort.Parameters)
        {
            var context = AnalysisContext.Of(Trajectories.Of(_cohort, parameter));
            double visit = context.Trajectories.Visits[^1].Time;
            estimates += ChangeFromBaseline.TestWithinArms(context.Trajectories, visit, TTestOptions.Default).Estimates.Count;
            foreach (string arm in context.TreatmentArms)
                estimates += ChangeFromBaseline.CompareArms(context, visit, arm, TTestOptions.Default).Estimates.Count;
        }
        return estimates;
    }

    // The demo CSV as Parquet: numeric columns (every value a number, 'NA' or empty) as DOUBLE, the others as text.
    internal static void WriteParquet(string csv, string parquet)
    {
        using var reader = CsvDataReader.Create(csv, new CsvDataReaderOptions { Culture = CultureInfo.InvariantCulture });
        string[] names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var text = new List<string[]>();
        while (reader.Read()) text.Add(Enumerable.Range(0, names.Length).Select(reader.GetString).ToArray());
        static bool Missing(string v) => v.Length == 0 || v == "NA";
        bool[] numeric = Enumerable.Range(0, names.Length)
            .Select(c => text.All(r => Missing(r[c]) || double.TryParse(r[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _))).ToArray();
        object?[][] rows = text.Select(r => r.Select((v, c) => Missing(v) ? null
            : numeric[c] ? (object)double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture) : v).ToArray()).ToArray();
        var metadata = new DatasetMetadata(Path.GetFileName(parquet), "", "ADQS", "",
            names.Select((n, c) => new VariableMetadata(n, "", numeric[c] ? ValueKind.Number : ValueKind.Text, null, "")).ToArray());
        using FileStream file = File.Create(parquet);
        ParquetTableWriter.Write(file, metadata, rows);
    }
}
