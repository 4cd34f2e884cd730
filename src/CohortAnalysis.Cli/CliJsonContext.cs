using System.Text.Json.Serialization;
using CohortAnalysis.Data;
using CohortAnalysis.Responders;

namespace CohortAnalysis.Cli;

/// <summary>The result records the commands serialize whole, with source-generated metadata: no reflection, so the
/// Native AOT tool writes the same JSON as the JIT one. The conventions themselves live in <see cref="JsonOutput"/>.</summary>
[JsonSerializable(typeof(CohortDescription))]
[JsonSerializable(typeof(DatasetMetadata))]
[JsonSerializable(typeof(IReadOnlyList<ResponderCrossCell>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
