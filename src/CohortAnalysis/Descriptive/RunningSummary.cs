using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CohortAnalysis.Inference;
using CohortAnalysis.Numerics;

namespace CohortAnalysis.Descriptive;

/// <summary>A one-pass, mergeable accumulator of n, missing count, mean, variance, min and max, for streaming data
/// and for pooling summaries from several sites without sharing subject-level data.</summary>
/// <remarks>
/// <para>Update: Welford (1962), on values shifted by the first value seen (x − K, exact by Sterbenz's lemma for data
/// near K), so a large common offset such as 10 000 000.2 (NIST StRD NumAcc4) costs no digits.</para>
/// <para>Merge: <see cref="Combine"/> uses Chan, Golub &amp; LeVeque (1979):
/// n = n_a + n_b, δ = x̄_b − x̄_a, x̄ = x̄_a + δ·n_b/n, M2 = M2_a + M2_b + δ²·n_a·n_b/n. Merging site accumulators
/// gives the pooled mean and SD to rounding error (tested to 1e-12 relative).</para>
/// <para><b>Quantiles (median, Q1, Q3) are not mergeable</b>: they need the pooled values; use
/// <see cref="Summary.Of(ReadOnlySpan{double}, SummaryOptions?)"/> on the pooled data for those.</para>
/// <para>JSON: <see cref="ToJson"/> / <see cref="FromJson"/> (also via <see cref="JsonSerializer"/>) round-trip every
/// double exactly; only counts and moments are exchanged, never subject-level values.</para>
/// <para>Mutable through <see cref="Add(double)"/>; not thread-safe. <see cref="Combine"/> returns a new instance and
/// leaves its inputs unchanged.</para>
/// </remarks>
[JsonConverter(typeof(RunningSummaryJsonConverter))]
public sealed class RunningSummary : ITabular
{
    private long _count;
    private long _missing;
    private double _shift;        // K: the first value seen; moments are kept for x − K
    private double _meanShifted;  // mean of (x − K)
    private double _m2;           // Σ (x − x̄)²
    private double _min = double.NaN;
    private double _max = double.NaN;

    /// <summary>An empty accumulator.</summary>
    public RunningSummary() { }

    /// <summary>An accumulator holding the given values (NaN counts as missing).</summary>
    public RunningSummary(ReadOnlySpan<double> values) => AddRange(values);

    /// <summary>Number of non-missing values added.</summary>
    public long N => _count;

    /// <summary>Number of NaN values added (counted, not used).</summary>
    public long NMissing => _missing;

    /// <summary>Mean; NaN when <see cref="N"/> = 0.</summary>
    public double Mean => _count == 0 ? double.NaN : _shift + _meanShifted;

    /// <summary>Sum of squared deviations from the mean, M2 = Σ(x − x̄)².</summary>
    public double SumOfSquaredDeviations => _count == 0 ? double.NaN : _m2;

    /// <summary>Sample variance M2/(n − 1); NaN when n &lt; 2 (no exception: one observation has no spread estimate).</summary>
    public double Variance => _count < 2 ? double.NaN : _m2 / (_count - 1);

    /// <summary>Sample standard deviation (n − 1); NaN when n &lt; 2.</summary>
    public double Sd => Math.Sqrt(Variance);

    /// <summary>Standard error of the mean, SD/√n; NaN when n &lt; 2.</summary>
    public double Se => Sd / Math.Sqrt(_count);

    /// <summary>Smallest value; NaN when empty.</summary>
    public double Min => _min;

    /// <summary>Largest value; NaN when empty.</summary>
    public double Max => _max;

    /// <summary>Adds one value; NaN is counted as missing.</summary>
    public void Add(double value)
    {
        if (double.IsNaN(value)) { _missing++; return; }
        if (_count == 0)
        {
            _shift = value;
            _min = value;
            _max = value;
        }
        else
        {
            if (value < _min) _min = value;
            if (value > _max) _max = value;
        }
        _count++;
        double d = value - _shift;
        double delta = d - _meanShifted;
        _meanShifted += delta / _count;
        _m2 += delta * (d - _meanShifted);
    }

    /// <summary>Adds every value; NaN values are counted as missing.</summary>
    public void AddRange(ReadOnlySpan<double> values)
    {
        foreach (double v in values) Add(v);
    }

    /// <summary>The accumulator of the union of the two samples (Chan, Golub &amp; LeVeque 1979). Inputs are unchanged.</summary>
    /// <remarks>Equals, to rounding error, the accumulator of all values added to one instance; the order of merging does not matter.</remarks>
    public static RunningSummary Combine(RunningSummary a, RunningSummary b)
    {
        Guard.NotNull(a);
        Guard.NotNull(b);
        var r = new RunningSummary { _missing = a._missing + b._missing };
        if (a._count == 0 || b._count == 0)
        {
            RunningSummary only = a._count == 0 ? b : a;
            r._count = only._count; r._shift = only._shift; r._meanShifted = only._meanShifted;
            r._m2 = only._m2; r._min = only._min; r._max = only._max;
            return r;
        }
        long n = a._count + b._count;
        // b's mean re-expressed relative to a's shift; the shift difference is computed first (exact for nearby shifts).
        double meanB = (b._shift - a._shift) + b._meanShifted;
        double delta = meanB - a._meanShifted;
        r._count = n;
        r._shift = a._shift;
        r._meanShifted = a._meanShifted + delta * ((double)b._count / n);
        r._m2 = a._m2 + b._m2 + delta * delta * ((double)a._count * b._count / n);
        r._min = Math.Min(a._min, b._min);
        r._max = Math.Max(a._max, b._max);
        return r;
    }

    /// <summary>Two-sided t confidence interval of the mean, x̄ ± t(1 − α/2, n − 1)·SE (as SAS PROC MEANS CLM); NaN bounds when n &lt; 2.</summary>
    public ConfidenceInterval MeanCi(double ciLevel = 0.95)
    {
        Guard.CiLevel(ciLevel);
        if (_count < 2) return ConfidenceInterval.NotEstimable(ciLevel, CiMethod.T);
        double t = Distributions.StudentTQuantile((1 + ciLevel) / 2, _count - 1);
        return new ConfidenceInterval(Mean - t * Se, Mean + t * Se, ciLevel, CiMethod.T);
    }

    /// <summary>The state as JSON (format <c>CohortAnalysis.RunningSummary/1</c>); doubles round-trip exactly.</summary>
    public string ToJson() => JsonSerializer.Serialize(ToState(), AccumulatorJson.Default.RunningSummaryState);

    /// <summary>Restores an accumulator written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The text is not a RunningSummary state.</exception>
    public static RunningSummary FromJson(string json)
    {
        Guard.NotNull(json);
        State s = JsonSerializer.Deserialize(json, AccumulatorJson.Default.RunningSummaryState)
                  ?? throw new JsonException("Empty RunningSummary JSON.");
        return FromState(s);
    }

    internal State ToState() => new(StateFormat, _count, _missing, _shift, _meanShifted, _m2, _min, _max);

    internal static RunningSummary FromState(State s)
    {
        if (s.Format != StateFormat) throw new JsonException($"Expected format '{StateFormat}', found '{s.Format}'.");
        if (s.N < 0 || s.NMissing < 0) throw new JsonException("Counts must not be negative.");
        return new RunningSummary
        {
            _count = s.N, _missing = s.NMissing, _shift = s.Shift, _meanShifted = s.MeanShifted,
            _m2 = s.M2, _min = s.Min, _max = s.Max,
        };
    }

    internal const string StateFormat = "CohortAnalysis.RunningSummary/1";

    internal sealed record State(string Format, long N, long NMissing, double Shift, double MeanShifted, double M2, double Min, double Max);

    /// <summary>One row with what the accumulator knows now: n, n missing, mean, SD, SE, 95% t CI, min, max.</summary>
    public TableView ToTableView() => TableView.Create("Running summary",
        [new("n", true), new("n miss", true), new("Mean", true), new("SD", true), new("SE", true), new("95% CI (t)", true), new("Min", true), new("Max", true)],
        [[N.ToString(CultureInfo.InvariantCulture), NMissing.ToString(CultureInfo.InvariantCulture), Display.Number(Mean, "0.###"),
          Display.Number(Sd, "0.###"), Display.Number(Se, "0.###"), Display.Interval(MeanCi(), "0.###"), Display.Number(Min, "0.###"),
          Display.Number(Max, "0.###")]],
        ["Mergeable moments (Chan, Golub & LeVeque 1983); quantiles need the data and are not kept."]);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n = {N}{(NMissing > 0 ? $" ({NMissing} missing)" : "")}; mean = {Summary.F(Mean)} (SD {Summary.F(Sd)}, SE {Summary.F(Se)}); range {Summary.F(Min)} to {Summary.F(Max)}");
}

internal sealed class RunningSummaryJsonConverter : JsonConverter<RunningSummary>
{
    public override RunningSummary Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RunningSummary.FromState(JsonSerializer.Deserialize(ref reader, AccumulatorJson.Default.RunningSummaryState)
                                 ?? throw new JsonException("Empty RunningSummary JSON."));

    public override void Write(Utf8JsonWriter writer, RunningSummary value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToState(), AccumulatorJson.Default.RunningSummaryState);
}
