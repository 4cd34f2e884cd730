using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CohortAnalysis.Responders;

/// <summary>A 2×2 table of responders by arm — and its mergeable accumulator for pooling sites.</summary>
/// <remarks>
/// <para>"Responder" is any binary event (response, remission, sustained response); the first arm is the treatment,
/// the second the reference (control). As R's <c>matrix(c(a, n1 − a, c, n2 − c), 2)</c>: rows responder yes/no,
/// columns arms.</para>
/// <para>Immutable and thread-safe: <see cref="Add"/> and <see cref="Combine"/> return new tables. Merging site tables
/// by <see cref="Combine"/> is exact (integer sums), so merged = pooled. Serializes to JSON with
/// <see cref="System.Text.Json.JsonSerializer"/> or <see cref="ToJson"/>.</para>
/// </remarks>
public sealed record ResponderCounts : ITabular
{
    /// <summary>An empty table.</summary>
    public static ResponderCounts Empty { get; } = new(0, 0, 0, 0);

    /// <summary>A table from counts.</summary>
    /// <param name="respondersFirst">Responders in the first (treatment) arm.</param>
    /// <param name="nFirst">Subjects in the first arm.</param>
    /// <param name="respondersSecond">Responders in the second (reference) arm.</param>
    /// <param name="nSecond">Subjects in the second arm.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or responders exceed n.</exception>
    [JsonConstructor]
    public ResponderCounts(int respondersFirst, int nFirst, int respondersSecond, int nSecond)
    {
        Check(respondersFirst, nFirst, nameof(respondersFirst));
        Check(respondersSecond, nSecond, nameof(respondersSecond));
        RespondersFirst = respondersFirst;
        NFirst = nFirst;
        RespondersSecond = respondersSecond;
        NSecond = nSecond;
    }

    /// <summary>Responders in the first (treatment) arm (cell a).</summary>
    public int RespondersFirst { get; }

    /// <summary>Subjects in the first arm (n₁).</summary>
    public int NFirst { get; }

    /// <summary>Responders in the second (reference) arm (cell c).</summary>
    public int RespondersSecond { get; }

    /// <summary>Subjects in the second arm (n₂).</summary>
    public int NSecond { get; }

    /// <summary>Non-responders in the first arm (cell b = n₁ − a).</summary>
    [JsonIgnore] public int NonRespondersFirst => NFirst - RespondersFirst;

    /// <summary>Non-responders in the second arm (cell d = n₂ − c).</summary>
    [JsonIgnore] public int NonRespondersSecond => NSecond - RespondersSecond;

    /// <summary>n₁ + n₂.</summary>
    [JsonIgnore] public int Total => NFirst + NSecond;

    /// <summary>Arm sizes.</summary>
    [JsonIgnore] public GroupSizes N => new(NFirst, NSecond);

    /// <summary>Response rate a/n₁ (NaN when n₁ = 0).</summary>
    [JsonIgnore] public double RateFirst => NFirst == 0 ? double.NaN : (double)RespondersFirst / NFirst;

    /// <summary>Response rate c/n₂ (NaN when n₂ = 0).</summary>
    [JsonIgnore] public double RateSecond => NSecond == 0 ? double.NaN : (double)RespondersSecond / NSecond;

    /// <summary>The table with one more subject.</summary>
    public ResponderCounts Add(bool inFirstArm, bool isResponder) => inFirstArm
        ? new(RespondersFirst + (isResponder ? 1 : 0), NFirst + 1, RespondersSecond, NSecond)
        : new(RespondersFirst, NFirst, RespondersSecond + (isResponder ? 1 : 0), NSecond + 1);

    /// <summary>The cell-wise sum of two tables (pooling two sites); exact.</summary>
    public static ResponderCounts Combine(ResponderCounts a, ResponderCounts b)
    {
        Guard.NotNull(a);
        Guard.NotNull(b);
        return new(checked(a.RespondersFirst + b.RespondersFirst), checked(a.NFirst + b.NFirst),
            checked(a.RespondersSecond + b.RespondersSecond), checked(a.NSecond + b.NSecond));
    }

    /// <summary>The table as JSON, e.g. <c>{"respondersFirst":30,"nFirst":50,"respondersSecond":15,"nSecond":50}</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, AccumulatorJson.Default.ResponderCounts);

    /// <summary>Reads a table written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">Not a table.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Invalid counts.</exception>
    public static ResponderCounts FromJson(string json)
    {
        Guard.NotNull(json);
        return JsonSerializer.Deserialize(json, AccumulatorJson.Default.ResponderCounts) ?? throw new JsonException("Empty ResponderCounts JSON.");
    }

    /// <summary>The 2×2 table: one row per arm (first, second) with responders, non-responders, n and the rate.</summary>
    public TableView ToTableView() => TableView.Create("Responder counts",
        [new("Arm"), new("Responders", true), new("Non-responders", true), new("n", true), new("Rate", true)],
        [["First", Display.Integer(RespondersFirst), Display.Integer(NonRespondersFirst), Display.Integer(NFirst), Display.Number(RateFirst, "0.000")],
         ["Second", Display.Integer(RespondersSecond), Display.Integer(NonRespondersSecond), Display.Integer(NSecond), Display.Number(RateSecond, "0.000")]]);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{RespondersFirst}/{NFirst} vs {RespondersSecond}/{NSecond} responders");

    private static void Check(int responders, int n, string name)
    {
        if (n < 0 || responders < 0 || responders > n)
            throw new ArgumentOutOfRangeException(name, responders, string.Create(CultureInfo.InvariantCulture,
                $"{name} = {responders} with n = {n}: counts must satisfy 0 <= responders <= n."));
    }
}
