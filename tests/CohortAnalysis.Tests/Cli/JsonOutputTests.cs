using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CohortAnalysis.Cli;
using CohortAnalysis.Data;
using Xunit;

namespace CohortAnalysis.Tests.Cli;

/// <summary>The tool's JSON comes from source-generated metadata (no reflection, for the Native AOT build) and keeps the
/// conventions the reflection-based serializer had.</summary>
public class JsonOutputTests
{
    /// <summary>The reflection-based options the tool used before source generation: the reference for the output.</summary>
    private static readonly JsonSerializerOptions Reflection = CreateReflection();

    private static JsonSerializerOptions CreateReflection()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new NonFiniteAsNullForTests());
        return options;
    }

    [Theory]
    [InlineData(typeof(CohortDescription))]
    [InlineData(typeof(DatasetMetadata))]
    [InlineData(typeof(IReadOnlyList<CohortAnalysis.Responders.ResponderCrossCell>))]
    public void EveryEnumReachable_IsWrittenAsACamelCaseString(Type root)
    {
        // An enum with no JsonStringEnumConverter<T> in JsonOutput would be written as a number, silently.
        foreach (Type type in Reachable(JsonOutput.Options.GetTypeInfo(root), []).Where(t => t.IsEnum))
        {
            object first = Enum.GetValues(type).GetValue(0)!;
            string json = JsonSerializer.Serialize(first, JsonOutput.Options.GetTypeInfo(type));
            Assert.Equal(JsonSerializer.Serialize(first, type, Reflection), json);
            Assert.StartsWith("\"", json);
        }
    }

    [Fact]
    public void DescribeJson_WithIssuesAndLabels_IsWhatTheReflectionSerializerWrote()
    {
        string path = Path.Combine(Path.GetTempPath(), $"cohort-json-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, Data.CsvText.Small);
        try
        {
            CohortDescription description = CohortCsvReader.Read(path).Describe();
            Assert.NotEmpty(description.Report.Issues);
            var metadata = new DatasetMetadata(path, "SAS transport", "ADQS", "Questionnaire − scores",
                [new("AVAL", "Analysis Value", ValueKind.Number, 8, "8.2"), new("ADT", "Analysis Date", ValueKind.Date, null, "DATE9."),
                 new("USUBJID", "Subject", ValueKind.Text, 20, "")]);

            // Before: serialized, parsed back, the labels added, serialized again.
            JsonObject before = JsonNode.Parse(JsonSerializer.Serialize(description, Reflection))!.AsObject();
            before["dataset"] = JsonNode.Parse(JsonSerializer.Serialize(metadata, Reflection));
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, EstimateOutput.JsonOptions))
                DescribeCommand.WriteJson(writer, description, metadata);
            Assert.Equal(before.ToJsonString(Reflection), System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        finally { File.Delete(path); }
    }

    private static HashSet<Type> Reachable(JsonTypeInfo info, HashSet<Type> seen)
    {
        if (!seen.Add(info.Type)) return seen;
        IEnumerable<Type> next = info.Properties.Select(p => p.PropertyType)
            .Concat(new[] { info.ElementType, info.KeyType }.OfType<Type>());
        foreach (Type type in next)
            Reachable(JsonOutput.Options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type), seen);
        return seen;
    }

    private sealed class NonFiniteAsNullForTests : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }
    }
}
