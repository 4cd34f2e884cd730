using System.Globalization;
using BenchmarkDotNet.Attributes;
using CohortAnalysis;
using CohortAnalysis.Change;
using CohortAnalysis.Data;
using CohortAnalysis.Data.ApacheParquet;
using CohortAnalysis.EffectSizes;
using CohortAnalysis.Inference;
using Sylvan.Data.Csv;

namespace CohortAnalysis.Benchmarks;

/// <summary>The hot paths of issue 16, with allocations: loading a ~1 000 000-row ADaM long file (the seeded demo trial,
/// 111 000 subjects × 9 visits) from CSV and from Parquet, the change-from-baseline job on the loaded cohort (what
/// <c>cohort change</c> computes: summaries by arm × visit, within-arm and between-arm tests), Cohen's d with its
/// noncentral-t CI on 2 × 50 values, and the BCa bootstrap with 10 000 resamples on 100 + 100 subjects.</summary>
/// <remarks>The files are generated into a temporary folder in the global setup and deleted in the cleanup.</remarks>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private string _folder = "";
    private string _csv = "";
    private string _parquet = "";
    private Cohort _cohort = null!;
    private double[] _x50 = [], _y50 = [], _x100 = [], _y100 = [];

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
        ulong state = 16;   // a fixed linear congruential sequence, as EffectSizeBenchmarks
        double Next()
        {
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            return (state >> 11) * (1.0 / (1UL << 53));
        }
        double Normal() => Math.Sqrt(-2 * Math.Log(Next() + 1e-300)) * Math.Cos(2 * Math.PI * Next());
        _x50 = Enumerable.Range(0, 50).Select(_ => Math.Round(-12 + 8 * Normal())).ToArray();
        _y50 = Enumerable.Range(0, 50).Select(_ => Math.Round(-7 + 8 * Normal())).ToArray();
        _x100 = Enumerable.Range(0, 100).Select(_ => Math.Round(-12 + 8 * Normal())).ToArray();
        _y100 = Enumerable.Range(0, 100).Select(_ => Math.Round(-7 + 8 * Normal())).ToArray();
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

    [Benchmark(Description = "Cohen's d + noncentral-t CI, 50 vs 50")]
    public EffectSizeEstimate CohensD50() => EffectSize.CohensD(_x50, _y50);

    [Benchmark(Description = "Cohen's d, bootstrap BCa, 10 000 resamples, 100 vs 100")]
    public EffectSizeEstimate BootstrapBca100() => EffectSize.CohensD(_x100, _y100,
        new() { CiMethod = CiMethod.BootstrapBca, Bootstrap = new() { Resamples = 10_000, Seed = 1 } });

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
