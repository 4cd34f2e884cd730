using ScottPlot;

namespace CohortAnalysis.Plotting;

/// <summary>Trial figures drawn with ScottPlot 5 in one clinical house style.</summary>
/// <remarks>
/// <para>Every method returns the ScottPlot <see cref="Plot"/> so callers can restyle it (title, limits, colours)
/// before saving with <see cref="SavePng"/> or <see cref="SaveSvg"/> or ScottPlot's own methods.</para>
/// <para>Figures are styled by a <see cref="CohortPlotStyle"/> (default <see cref="CohortPlotStyle.Default"/>):
/// one colour-blind-safe colour per arm, DejaVu Sans throughout, labelled axes and a legend. Rendering needs no
/// display; the same inputs give byte-identical PNG and SVG output on machines with the same fonts.</para>
/// <para>The class holds no state of its own and each call returns a new plot. Pixel-identical output across
/// machines assumes the same ScottPlot/SkiaSharp versions (pinned centrally) and the same DejaVu Sans files.</para>
/// </remarks>
public static partial class CohortPlots
{
    /// <summary>Default image width in pixels for <see cref="SavePng"/> and <see cref="SaveSvg"/>.</summary>
    public const int DefaultWidth = 900;

    /// <summary>Default image height in pixels for <see cref="SavePng"/> and <see cref="SaveSvg"/>.</summary>
    public const int DefaultHeight = 600;

    /// <summary>Renders the plot headless to a PNG file of exactly <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    /// <param name="plot">The figure.</param>
    /// <param name="path">Destination file; its folder must exist. An existing file is replaced.</param>
    /// <param name="width">Image width in pixels (≥ 1).</param>
    /// <param name="height">Image height in pixels (≥ 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public static void SavePng(Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllBytes(path, ToPng(plot, width, height));
    }

    /// <summary>Renders the plot to an SVG file whose canvas is <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    /// <param name="plot">The figure.</param>
    /// <param name="path">Destination file; its folder must exist. An existing file is replaced.</param>
    /// <param name="width">Canvas width in pixels (≥ 1).</param>
    /// <param name="height">Canvas height in pixels (≥ 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public static void SaveSvg(Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllText(path, ToSvg(plot, width, height), new System.Text.UTF8Encoding(false));
    }

    /// <summary>Renders the plot headless to PNG bytes (for notebooks, reports or HTTP responses).</summary>
    /// <param name="plot">The figure.</param>
    /// <param name="width">Image width in pixels (≥ 1).</param>
    /// <param name="height">Image height in pixels (≥ 1).</param>
    /// <returns>A complete PNG file.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public static byte[] ToPng(Plot plot, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        CheckSize(width, height);
        return InvariantCulture(() => plot.GetImageBytes(width, height, ImageFormat.Png));
    }

    /// <summary>Renders the plot to an SVG document; the same plot always gives the same text.</summary>
    /// <remarks>Tick labels are formatted when the plot is rendered, with the thread's culture; rendering runs under the
    /// invariant culture so a figure reads "-2.5" on every machine (see <see cref="ToPng"/>).
    /// Skia numbers SVG clip paths from a process-wide counter, so the raw text would depend on what was
    /// rendered before; the ids are renumbered in order of appearance to make the output reproducible.</remarks>
    /// <param name="plot">The figure.</param>
    /// <param name="width">Canvas width in pixels (≥ 1).</param>
    /// <param name="height">Canvas height in pixels (≥ 1).</param>
    /// <returns>The SVG markup.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public static string ToSvg(Plot plot, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        CheckSize(width, height);
        return SvgClipIds.Renumber(InvariantCulture(() => plot.GetSvgXml(width, height)));
    }

    // ScottPlot formats tick labels with the current culture at render time ("-2,5" under de-DE): figures are rendered
    // under the invariant culture, as every number the library writes, and the caller's culture is restored.
    private static T InvariantCulture<T>(Func<T> render)
    {
        System.Globalization.CultureInfo saved = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        try
        {
            return render();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    private static void CheckSize(int width, int height)
    {
        if (width < 1)
            throw new ArgumentOutOfRangeException(nameof(width), width, $"width = {width} must be at least 1 pixel.");
        if (height < 1)
            throw new ArgumentOutOfRangeException(nameof(height), height, $"height = {height} must be at least 1 pixel.");
    }

    /// <summary>"Missing data: LOCF (…); 12 of the 110 values drawn are imputed." for one visit of a grid.</summary>
    private static string MissingDataCaption(Change.Trajectories trajectories, int visit)
    {
        if (trajectories.MissingData == MissingDataMethod.ObservedCases)
            return "Missing data: observed cases (subjects without a value at the visit are left out).";
        int drawn = 0, imputed = 0;
        for (int row = 0; row < trajectories.SubjectCount; row++)
        {
            if (!double.IsFinite(trajectories.Value(row, visit))) continue;
            drawn++;
            if (trajectories.IsImputed(row, visit)) imputed++;
        }
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Missing data: {trajectories.MissingData.Describe()}; {imputed} of the {drawn} subjects with a value at the visit are imputed.");
    }

    /// <summary>Materializes an input sequence and rejects null or empty input at once, naming the parameter.</summary>
    private static IReadOnlyList<T> Require<T>(IEnumerable<T>? items, string name)
    {
        ArgumentNullException.ThrowIfNull(items, name);
        var list = items.ToList();
        if (list.Count == 0)
            throw new ArgumentException($"{name} is empty: nothing to plot.", name);
        if (list.Any(item => item is null))
            throw new ArgumentException($"{name} contains a null element.", name);
        return list;
    }
}
