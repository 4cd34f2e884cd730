using System.Globalization;
using BenchmarkDotNet.Attributes;
using CohortAnalysis.Data;
using CohortAnalysis.Privacy;

namespace CohortAnalysis.Benchmarks;

/// <summary>Cost of the de-identification guard: its every-row scan of the generated ~1 000 000-row demo file beside the
/// whole load of that file (which includes the scan), and the scan of values crafted against its patterns (the timing
/// the unit tests do not make; they pin the bounds instead).</summary>
[MemoryDiagnoser]
public class IdentifierGuardBenchmarks
{
    private string _csv = "";
    private string[] _header = [];
    private string[][] _columns = [];
    private string[] _hostileHeader = [];
    private string[][] _hostile = [];

    [GlobalSetup]
    public void Setup()
    {
        _csv = DemoTrial.Generate(7, 111_000);   // 999 946 data rows, as benchmarks/load-1m.sh
        string[] lines = _csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        _header = lines[0].Split(',');
        _columns = Enumerable.Range(0, _header.Length).Select(_ => new string[lines.Length - 1]).ToArray();
        for (int r = 1; r < lines.Length; r++)
        {
            string[] fields = lines[r].Split(',');
            for (int c = 0; c < _header.Length; c++) _columns[c][r - 1] = fields[c];
        }
        string[] hostile =
        [
            new string('a', 100_000) + "@",
            string.Concat(Enumerable.Repeat("a.", 50_000)) + "@",
            "x@" + string.Concat(Enumerable.Repeat("a.", 50_000)),
            string.Concat(Enumerable.Repeat("1.", 50_000)),
            "+" + string.Concat(Enumerable.Repeat("1 ", 50_000)),
            string.Concat(Enumerable.Repeat("12 Main ", 10_000)),
            string.Concat(Enumerable.Repeat("15 Mar ", 10_000)),
            "http://" + new string('a', 100_000),
            string.Concat(Enumerable.Repeat("Ab ", 30_000)),
        ];
        _hostileHeader = hostile.Select((_, i) => "C" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        _hostile = hostile.Select(v => Enumerable.Repeat(v, 200).ToArray()).ToArray();
    }

    /// <summary>The guard alone on every value of the 1M-row file (what the reader's every-row scan does).</summary>
    [Benchmark]
    public int GuardEveryRow1M() => IdentifierGuard.Scan("big.csv", _header, _columns).Findings.Count;

    /// <summary>The whole CSV load of the same file, guard included.</summary>
    [Benchmark(Baseline = true)]
    public int Load1M() => CohortCsvReader.Parse(_csv, "big.csv").ObservationCount;

    /// <summary>9 columns × 200 values of 20 000–100 000 characters built against the patterns' prefixes.</summary>
    [Benchmark]
    public int GuardHostileValues() => IdentifierGuard.Scan("hostile.csv", _hostileHeader, _hostile).Findings.Count;
}
