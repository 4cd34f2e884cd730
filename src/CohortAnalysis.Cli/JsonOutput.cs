using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CohortAnalysis.Data;

namespace CohortAnalysis.Cli;

/// <summary>The JSON conventions of every command: camelCase, indented, non-ASCII text kept as it is, round-trip
/// numbers, NaN and infinities as null, enums as camelCase strings.</summary>
/// <remarks>Metadata comes from <see cref="CliJsonContext"/> (source-generated), never from reflection, so the Native AOT
/// tool writes byte-for-byte what the JIT tool writes. An enum needs its own <see cref="JsonStringEnumConverter{TEnum}"/>
/// here (the non-generic converter needs run-time code generation); an enum reached by a serialized record and missing
/// from this list would be written as a number, which <c>JsonOutputTests</c> guards against.</remarks>
internal static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            TypeInfoResolver = CliJsonContext.Default,
        };
        options.Converters.Add(new JsonStringEnumConverter<DataIssueKind>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<DataIssueSeverity>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<IdentifierCategory>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<IdentifierEvidence>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<ValueKind>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new NonFiniteAsNull());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The metadata of <typeparamref name="T"/> under these conventions.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    public static void Serialize<T>(Utf8JsonWriter writer, T value) => JsonSerializer.Serialize(writer, value, TypeInfo<T>());

    /// <summary>Writes doubles with shortest round-trip precision; NaN and ±∞ (not JSON numbers) as null.</summary>
    private sealed class NonFiniteAsNull : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }
    }
}
