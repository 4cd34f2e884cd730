using System.Text.Json;
using CohortAnalysis.Reporting.Html;
using PuppeteerSharp;
using PuppeteerSharp.Media;
using SkiaSharp;
using Xunit;

namespace CohortAnalysis.Tests.Reporting;

/// <summary>The demo report as a person sees it: rendered by the system's headless chromium (driven over the DevTools
/// protocol by PuppeteerSharp), on screen and as printed on A4. The screenshot, the PDF and the HTML are kept under
/// <c>artifacts/report/</c> at the repository root (CI keeps them as build artefacts).</summary>
/// <remarks>Skips only when no chromium is installed (locally); <c>.ci/run</c> installs Debian's chromium.</remarks>
public sealed class ReportBrowserTests(DemoReport demo) : IClassFixture<DemoReport>
{
    // A4 is 210 mm wide; at 96 CSS px per inch that is 794 px, less the 2 × 12 mm page margins of the print style: 703 px.
    private const int A4Width = 794, A4PrintableWidth = 703;

    // Runs in the page: section headings, every figure's box and its SVG's box, and every element that sticks out of the
    // page or of its scrolling table block.
    private const string Measure = """
        () => {
          const width = document.documentElement.clientWidth;
          const box = e => { const r = e.getBoundingClientRect(); return { w: r.width, h: r.height, left: r.left, right: r.right }; };
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className : '');
          const overflowing = [];
          for (const e of document.body.querySelectorAll('*')) {
            if (e.closest('svg') && e.tagName.toLowerCase() !== 'svg') continue;
            const r = e.getBoundingClientRect();
            if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5)) overflowing.push(name(e) + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
          }
          for (const b of document.querySelectorAll('.table-block'))
            if (b.scrollWidth > b.clientWidth + 1) overflowing.push(name(b) + ' scrolls ' + b.scrollWidth + ' > ' + b.clientWidth);
          return JSON.stringify({
            width: width,
            scrollWidth: document.documentElement.scrollWidth,
            height: document.documentElement.scrollHeight,
            headings: [...document.querySelectorAll('section > h2')].map(h => ({ text: h.textContent, box: box(h) })),
            figures: [...document.querySelectorAll('figure')].map(f => ({ id: f.id, box: box(f), svg: f.querySelector('svg') ? box(f.querySelector('svg')) : null })),
            overflowing: overflowing
          });
        }
        """;

    [SkippableFact]
    public async Task Report_InChromium_ShowsEverySectionAndFigure_AndFitsTheScreenAndA4()
    {
        string? chromium = Chromium.Find();
        Skip.If(chromium is null, "chromium is not installed (apt-get install chromium); .ci/run installs it, so this test runs in CI.");
        string folder = Artifacts.Folder("report");
        string html = Path.Combine(folder, "demo-report.html");
        await File.WriteAllTextAsync(html, demo.Html);

        await using IBrowser browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--font-render-hinting=none"],
            Timeout = 120_000,
        });
        await using IPage page = await browser.NewPageAsync();
        page.DefaultTimeout = 120_000;
        await page.SetViewportAsync(new ViewPortOptions { Width = A4Width, Height = 1100 });
        await page.GoToAsync(new Uri(html).AbsoluteUri, WaitUntilNavigation.Load);

        Layout screen = await LayoutOf(page);
        Assert.Equal(TrialReportHtml.SectionTitles, screen.Headings.Select(h => h.Text));
        Assert.All(screen.Headings, h => Assert.True(h.Box.W > 0 && h.Box.H > 0, h.Text));
        Assert.Equal(TrialReportHtml.FigureCount(demo.Report) + demo.Report.Endpoints.Count, screen.Figures.Count);   // + one flow per endpoint
        foreach (FigureBox f in screen.Figures)
        {
            Assert.True(f.Box.W > 300 && f.Box.H > 100, $"figure {f.Id} is {f.Box.W} × {f.Box.H}");
            if (f.Id.StartsWith("flow-", StringComparison.Ordinal)) continue;
            Assert.NotNull(f.Svg);
            Assert.True(f.Svg!.W > 300 && f.Svg.H > 150, $"figure {f.Id}: SVG is {f.Svg.W} × {f.Svg.H}");
        }
        Assert.Empty(screen.Overflowing);
        Assert.True(screen.ScrollWidth <= screen.Width, $"page scrolls sideways: {screen.ScrollWidth} > {screen.Width}");

        string png = Path.Combine(folder, "demo-report.png");
        await page.ScreenshotAsync(png, new ScreenshotOptions { FullPage = true });
        using (SKBitmap bitmap = SKBitmap.Decode(png))
        {
            Assert.Equal(A4Width, bitmap.Width);
            Assert.True(bitmap.Height > 5000, $"screenshot is only {bitmap.Height} px high");
            Assert.True(InkFraction(bitmap) > 0.03, "the screenshot is (nearly) blank");
        }

        // As printed: print styles at the printable width of A4, then the PDF itself.
        await page.EmulateMediaTypeAsync(MediaType.Print);
        await page.SetViewportAsync(new ViewPortOptions { Width = A4PrintableWidth, Height = 1000 });
        Layout print = await LayoutOf(page);
        Assert.Empty(print.Overflowing);
        Assert.All(print.Figures, f => Assert.True(f.Box.W > 0 && f.Box.H > 0, f.Id));
        byte[] pdf = await page.PdfDataAsync(new PdfOptions { Format = PaperFormat.A4, PrintBackground = true, PreferCSSPageSize = true });
        await File.WriteAllBytesAsync(Path.Combine(folder, "demo-report.pdf"), pdf);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        int pages = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page\b").Count;
        Assert.InRange(pages, 8, 80);
    }

    private static async Task<Layout> LayoutOf(IPage page)
    {
        string json = await page.EvaluateFunctionAsync<string>(Measure);
        return JsonSerializer.Deserialize<Layout>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    /// <summary>Share of pixels that are not (near) white.</summary>
    private static double InkFraction(SKBitmap bitmap)
    {
        long ink = 0, total = 0;
        for (int y = 0; y < bitmap.Height; y += 4)
            for (int x = 0; x < bitmap.Width; x += 4)
            {
                SKColor c = bitmap.GetPixel(x, y);
                total++;
                if (c.Red < 235 || c.Green < 235 || c.Blue < 235) ink++;
            }
        return (double)ink / total;
    }

    private sealed record Box(double W, double H, double Left, double Right);

    private sealed record Heading(string Text, Box Box);

    private sealed record FigureBox(string Id, Box Box, Box? Svg);

    private sealed record Layout(double Width, double ScrollWidth, double Height, List<Heading> Headings, List<FigureBox> Figures, List<string> Overflowing);
}
