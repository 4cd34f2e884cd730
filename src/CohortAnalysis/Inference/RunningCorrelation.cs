using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CohortAnalysis.Inference;

/// <summary>A one-pass, mergeable accumulator of bivariate co-moments (n, means, M2x, M2y, Cxy) giving Pearson's r,
/// for streaming pairs and for pooling sites without sharing subject-level data.</summary>
/// <remarks>
/// <para>Update: bivariate Welford on values shifted by the first pair (exact for data near it):
/// δx = x − x̄, x̄ += δx/n, ȳ likewise, M2x += δx(x − x̄), M2y += δy(y − ȳ), Cxy += δx(y − ȳ).</para>
/// <para>Merge (Chan, Golub &amp; LeVeque 1979; Pébay 2008): with δx = x̄_b − x̄_a, δy = ȳ_b − ȳ_a,
/// Cxy = Cxy_a + Cxy_b + δx·δy·n_a·n_b/n (M2x, M2y as in <see cref="Descriptive.RunningSummary"/>). Merged equals pooled to rounding.</para>
/// <para>Pairs with a NaN are counted in <see cref="NMissing"/> and not used. Spearman's ρ is <b>not</b> mergeable
/// (ranks need the pooled data). Mutable through <see cref="Add"/>; not thread-safe.</para>
/// </remarks>
[JsonConverter(typeof(RunningCorrelationJsonConverter))]
public sealed class RunningCorrelation : ITabular
{
    private long _count, _missing;
    private double _shiftX, _shiftY, _meanX, _meanY, _m2x, _m2y, _cxy;

    /// <summary>An empty accumulator.</summary>
    public RunningCorrelation() { }

    /// <summary>An accumulator holding the pairs (x[i], y[i]).</summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public RunningCorrelation(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => AddRange(x, y);

    /// <summary>Complete pairs added.</summary>
    public long N => _count;

    /// <summary>Pairs with a NaN (not used).</summary>
    public long NMissing => _missing;

    /// <summary>Mean of x; NaN when empty.</summary>
    public double MeanX => _count == 0 ? double.NaN : _shiftX + _meanX;

    /// <summary>Mean of y; NaN when empty.</summary>
    public double MeanY => _count == 0 ? double.NaN : _shiftY + _meanY;

    /// <summary>Σ(x − x̄)².</summary>
    public double SumOfSquaresX => _m2x;

    /// <summary>Σ(y − ȳ)².</summary>
    public double SumOfSquaresY => _m2y;

    /// <summary>Σ(x − x̄)(y − ȳ).</summary>
    public double SumOfCrossProducts => _cxy;

    /// <summary>Sample covariance Cxy/(n − 1); NaN when n &lt; 2.</summary>
    public double Covariance => _count < 2 ? double.NaN : _cxy / (_count - 1);

    /// <summary>Pearson's r = Cxy/√(M2x·M2y); NaN when n &lt; 2 or a variable has zero variance.</summary>
    public double R => _count < 2 || _m2x == 0 || _m2y == 0 ? double.NaN : Math.Clamp(_cxy / Math.Sqrt(_m2x * _m2y), -1, 1);

    /// <summary>Adds one pair; a pair with a NaN is counted as missing.</summary>
    public void Add(double x, double y)
    {
        if (double.IsNaN(x) || double.IsNaN(y)) { _missing++; return; }
        if (_count == 0) { _shiftX = x; _shiftY = y; }
        _count++;
        double dx0 = x - _shiftX, dy0 = y - _shiftY;
        double dx = dx0 - _meanX, dy = dy0 - _meanY;
        _meanX += dx / _count;
        _meanY += dy / _count;
        _m2x += dx * (dx0 - _meanX);
        _m2y += dy * (dy0 - _meanY);
        _cxy += dx * (dy0 - _meanY);
    }

    /// <summary>Adds the pairs (x[i], y[i]).</summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public void AddRange(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"x and y must have equal length; x has {x.Length} values, y has {y.Length}."));
        for (int i = 0; i < x.Length; i++) Add(x[i], y[i]);
    }

    /// <summary>The accumulator of the union of both sets of pairs; inputs are unchanged.</summary>
    public static RunningCorrelation Combine(RunningCorrelation a, RunningCorrelation b)
    {
        Guard.NotNull(a);
        Guard.NotNull(b);
        var r = new RunningCorrelation { _missing = a._missing + b._missing };
        if (a._count == 0 || b._count == 0)
        {
            RunningCorrelation only = a._count == 0 ? b : a;
            r._count = only._count; r._shiftX = only._shiftX; r._shiftY = only._shiftY;
            r._meanX = only._meanX; r._meanY = only._meanY; r._m2x = only._m2x; r._m2y = only._m2y; r._cxy = only._cxy;
            return r;
        }
        long n = a._count + b._count;
        double dx = ((b._shiftX - a._shiftX) + b._meanX) - a._meanX;
        double dy = ((b._shiftY - a._shiftY) + b._meanY) - a._meanY;
        double wb = (double)b._count / n, wab = (double)a._count * b._count / n;
        r._count = n;
        r._shiftX = a._shiftX; r._shiftY = a._shiftY;
        r._meanX = a._meanX + dx * wb;
        r._meanY = a._meanY + dy * wb;
        r._m2x = a._m2x + b._m2x + dx * dx * wab;
        r._m2y = a._m2y + b._m2y + dy * dy * wab;
        r._cxy = a._cxy + b._cxy + dx * dy * wab;
        return r;
    }

    /// <summary>Pearson's r with Fisher-z CI and t test from the accumulated co-moments; identical in method to
    /// <see cref="Correlation.Pearson(ReadOnlySpan{double}, ReadOnlySpan{double}, CorrelationOptions?)"/>.</summary>
    /// <remarks>CI tanh(atanh r ± z/√(n − 3)); p from t = r√((n − 2)/(1 − r²)), n − 2 df (R <c>cor.test</c>). Reference: Fisher (1921).</remarks>
    /// <exception cref="ArgumentException">Fewer than three complete pairs.</exception>
    public CorrelationEstimate Pearson(CorrelationOptions? options = null) =>
        Correlation.FromCoefficient(CorrelationKind.Pearson, R, checked((int)_count), checked((int)_missing), options ?? CorrelationOptions.Default);

    /// <summary>The state as JSON (format <c>CohortAnalysis.RunningCorrelation/1</c>); doubles round-trip exactly.</summary>
    public string ToJson() => JsonSerializer.Serialize(ToState(), AccumulatorJson.Default.RunningCorrelationState);

    /// <summary>Restores an accumulator written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The text is not a RunningCorrelation state.</exception>
    public static RunningCorrelation FromJson(string json)
    {
        Guard.NotNull(json);
        return FromState(JsonSerializer.Deserialize(json, AccumulatorJson.Default.RunningCorrelationState) ?? throw new JsonException("Empty RunningCorrelation JSON."));
    }

    internal const string StateFormat = "CohortAnalysis.RunningCorrelation/1";

    internal sealed record State(string Format, long N, long NMissing, double ShiftX, double ShiftY, double MeanXShifted,
        double MeanYShifted, double M2X, double M2Y, double Cxy);

    internal State ToState() => new(StateFormat, _count, _missing, _shiftX, _shiftY, _meanX, _meanY, _m2x, _m2y, _cxy);

    internal static RunningCorrelation FromState(State s)
    {
        if (s.Format != StateFormat) throw new JsonException($"Expected format '{StateFormat}', found '{s.Format}'.");
        if (s.N < 0 || s.NMissing < 0) throw new JsonException("Counts must not be negative.");
        return new RunningCorrelation
        {
            _count = s.N, _missing = s.NMissing, _shiftX = s.ShiftX, _shiftY = s.ShiftY, _meanX = s.MeanXShifted,
            _meanY = s.MeanYShifted, _m2x = s.M2X, _m2y = s.M2Y, _cxy = s.Cxy,
        };
    }

    /// <summary>One row with what the accumulator knows now: n, incomplete pairs, means, covariance and Pearson r.</summary>
    public TableView ToTableView() => TableView.Create("Running correlation",
        [new("n", true), new("Incomplete pairs", true), new("Mean x", true), new("Mean y", true), new("Covariance", true), new("Pearson r", true)],
        [[N.ToString(CultureInfo.InvariantCulture), NMissing.ToString(CultureInfo.InvariantCulture), Display.Number(MeanX, "0.###"),
          Display.Number(MeanY, "0.###"), Display.Number(Covariance, "0.###"), Display.Number(R, "0.0000")]],
        ["Mergeable co-moments; Pearson() gives the CI and test."]);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n = {N}{(NMissing > 0 ? $" ({NMissing} incomplete pairs)" : "")}; r = {R:0.####}");
}

internal sealed class RunningCorrelationJsonConverter : JsonConverter<RunningCorrelation>
{
    public override RunningCorrelation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RunningCorrelation.FromState(JsonSerializer.Deserialize(ref reader, AccumulatorJson.Default.RunningCorrelationState)
                                     ?? throw new JsonException("Empty RunningCorrelation JSON."));

    public override void Write(Utf8JsonWriter writer, RunningCorrelation value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToState(), AccumulatorJson.Default.RunningCorrelationState);
}
