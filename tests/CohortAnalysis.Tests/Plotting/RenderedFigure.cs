using System.Buffers.Binary;
using System.Text;
using Xunit;

namespace CohortAnalysis.Tests.Plotting;

/// <summary>Checks shared by the plot tests: a real PNG of the requested size, an SVG naming the expected labels, and
/// (with COHORT_PLOTS_DIR set) a copy of each rendering to look at.</summary>
internal static class RenderedFigure
{
    public static void AssertPng(string name, byte[] png, int width, int height)
    {
        Keep(name + ".png", png);
        Assert.True(png.Length > 1000, $"PNG is only {png.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    public static void AssertSvg(string name, string svg, int width, int height, IEnumerable<string> labels)
    {
        Keep(name + ".svg", Encoding.UTF8.GetBytes(svg));
        Assert.Contains($"width=\"{width}\"", svg);
        Assert.Contains($"height=\"{height}\"", svg);
        foreach (string label in labels)
            Assert.Contains(System.Security.SecurityElement.Escape(label)!, svg);
        Assert.Contains("DejaVu Sans", svg);
    }

    /// <summary>The text of every SVG text element, trimmed and unescaped: one entry per label, tick or caption line.</summary>
    public static IReadOnlyList<string> Texts(string svg) =>
        System.Text.RegularExpressions.Regex.Matches(svg, "<text[^>]*>(.*?)</text>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).ToList();

    private static void Keep(string name, byte[] bytes)
    {
        string? folder = Environment.GetEnvironmentVariable("COHORT_PLOTS_DIR");
        if (string.IsNullOrEmpty(folder))
            return;
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name), bytes);
    }
}
