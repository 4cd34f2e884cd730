using System.Text.RegularExpressions;

namespace CohortAnalysis.Plotting;

/// <summary>Makes Skia's SVG output reproducible by renumbering its clip-path ids.</summary>
internal static partial class SvgClipIds
{
    // Skia's SVG canvas names clip paths cl_<hex> from a counter shared by the whole process.
    [GeneratedRegex(@"\bcl_[0-9a-f]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClipId();

    /// <summary>Replaces each distinct clip id by cl_0, cl_1, … in order of first appearance.</summary>
    internal static string Renumber(string svg)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, match =>
        {
            if (!ids.TryGetValue(match.Value, out string? id))
            {
                id = "cl_" + ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                ids[match.Value] = id;
            }
            return id;
        });
    }
}
