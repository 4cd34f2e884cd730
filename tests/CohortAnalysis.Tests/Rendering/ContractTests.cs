using System.Text;
using System.Text.Json;
using CohortAnalysis.Rendering;
using Xunit;

namespace CohortAnalysis.Tests.Rendering;

public class ContractTests
{
    private sealed record Fake(string Name, double Estimate, ConfidenceInterval Ci, EstimateSizes Sizes, Comparison Comparison,
        string Method = "m", string Reference = "r", string Note = "") : IEstimate
    {
        public double PValue { get; init; } = double.NaN;
        double IEstimate.PValue => PValue;
    }

    private static readonly Comparison Week6 = new()
    {
        Parameter = "MADRS", Visit = new Visit(6, "Week 6"), Variable = ChangeVariable.Change, Arm = "Psilocybin",
        ReferenceArm = "Placebo", ReferenceSource = ReferenceArmSource.GuessedPlacebo, MissingData = MissingDataMethod.ObservedCases,
    };

    private static Fake Row(double p = 0.01) => new("Mean difference", -5.5, new ConfidenceInterval(-8, -3, 0.9, CiMethod.T),
        EstimateSizes.Two(40, 38, missing: 2), Week6) { PValue = p };

    [Fact]
    public void Comparison_names_every_part()
    {
        Assert.Equal("MADRS CHG, Week 6: Psilocybin vs Placebo (observed cases)", Week6.Describe());
        Assert.Contains("placebo", Week6.ReferenceNote, StringComparison.Ordinal);
        Assert.Equal("Placebo vs Psilocybin", $"{Week6.Reversed().Arm} vs {Week6.Reversed().ReferenceArm}");
    }

    [Theory]
    [InlineData(new[] { "Drug", "Placebo" }, null, "Placebo", ReferenceArmSource.GuessedPlacebo)]
    [InlineData(new[] { "Control", "Active" }, null, "Active", ReferenceArmSource.GuessedFirstAlphabetical)]
    [InlineData(new[] { "Control", "Active" }, "Control", "Control", ReferenceArmSource.Given)]
    [InlineData(new[] { "Placebo 2", "Placebo 1", "Drug" }, null, "Placebo 1", ReferenceArmSource.GuessedFirstAlphabetical)]
    public void Reference_arm_is_resolved_and_says_how(string[] arms, string? given, string expected, ReferenceArmSource source)
    {
        var (arm, how) = ReferenceArm.Resolve(arms, given);
        Assert.Equal(expected, arm);
        Assert.Equal(source, how);
    }

    [Fact]
    public void Unknown_reference_arm_throws_listing_the_arms()
    {
        var e = Assert.Throws<ArgumentException>(() => ReferenceArm.Resolve(["A", "B"], "C"));
        Assert.Contains("A, B", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Frame_is_tidy_with_typed_comparison_columns()
    {
        var frame = EstimateFrame.From([Row(), Row(double.NaN)]);
        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal("MADRS", frame["parameter"][0]);
        Assert.Equal(6.0, frame["visit"][0]);
        Assert.Equal("CHG", frame["variable"][0]);
        Assert.Equal("Psilocybin", frame["arm"][0]);
        Assert.Equal("Placebo", frame["reference"][0]);
        Assert.Equal("placebo-name", frame["referenceChosen"][0]);
        Assert.Equal(0.9, frame["ciLevel"][0]);
        Assert.Equal("t", frame["ciMethod"][0]);
        Assert.Equal(40, frame["n"][0]);
        Assert.Equal(38, frame["nReference"][0]);
        Assert.Equal(2, frame["missing"][0]);
        Assert.Null(frame["pValue"][1]);
        Assert.Null(frame["se"][0]);
    }

    [Fact]
    public void Json_and_csv_carry_the_same_columns_as_the_frame()
    {
        var frame = EstimateFrame.From([Row()]);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) EstimateJson.Write(writer, Row());
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal(frame.Columns.Select(c => c.Name), json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("se").ValueKind);
        Assert.Equal(-5.5, json.RootElement.GetProperty("estimate").GetDouble());

        string[] lines = EstimateCsv.ToCsv([Row()]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(string.Join(",", frame.Columns.Select(c => c.Name)), lines[0]);
        Assert.Contains(",Psilocybin,Placebo,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Text_table_states_the_ci_level_and_drops_empty_columns()
    {
        TableView view = EstimateText.ToTableView("t", [Row()]);
        var headers = view.Columns.Select(c => c.Header).ToList();
        Assert.Contains("90% CI", headers);
        Assert.DoesNotContain("95% CI", headers);
        Assert.DoesNotContain("SE", headers);
        Assert.Contains("Comparison", headers);
        Assert.Equal("Psilocybin vs Placebo", view.Rows[0][headers.IndexOf("Comparison")]);
        Assert.Contains(view.Notes, n => n.Contains("placebo", StringComparison.Ordinal));
    }
}
