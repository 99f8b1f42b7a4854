using EcommerceBackupCdk.RestoreDrill.Evidence;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Evidence;

/// <summary>
/// The HTML index renders in a real browser (headless Chromium) like a printed report: an A4-wide page with a dark
/// title rule, text and coloured status badges — not a blank or broken page. The screenshot is kept under
/// artifacts/evidence-index.png for a person to look at.
/// </summary>
public sealed class EvidenceHtmlRenderTests
{
    // A4 at 150 dpi is 1240 x 1754 px.
    private const int Width = 1240;
    private const int Height = 1754;

    [Fact]
    public async Task Html_RendersInHeadlessChromium_AsANonBlankA4Page()
    {
        var html = EvidenceHtml.Render(await EvidenceSamples.OctoberIndexAsync());
        var work = Directory.CreateTempSubdirectory("evidence-html-");
        try
        {
            var file = Path.Combine(work.FullName, "index.html");
            await File.WriteAllTextAsync(file, html);

            var png = HeadlessChromium.Screenshot(file, Width, Height);
            var artifacts = Path.Combine(Infrastructure.TestServices.RepoRoot, "artifacts");
            Directory.CreateDirectory(artifacts);
            await File.WriteAllBytesAsync(Path.Combine(artifacts, "evidence-index.png"), png);

            var image = PngImage.Decode(png);
            image.Width.Should().Be(Width);
            image.Height.Should().Be(Height);

            var (white, dark, red, green, colours) = Census(image);
            var total = (double)(image.Width * image.Height);
            (white / total).Should().BeInRange(0.55, 0.99, "a report page is mostly paper with text on it");
            (dark / total).Should().BeGreaterThan(0.01, "there is text");
            red.Should().BeGreaterThan(200, "the failed drill and the non-compliant control show red badges");
            green.Should().BeGreaterThan(200, "met targets show green badges");
            colours.Should().BeGreaterThan(50, "anti-aliased text, rules and badges, not a flat fill");

            // The title rule (3px, #1f3a5f) sits under the header near the top of the page.
            Enumerable.Range(40, 200).Should().Contain(y => IsNavy(image[Width / 2, y]), "the header rule is drawn");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Html_IsSelfContainedAndEscapesWhatItShows()
    {
        var index = await EvidenceSamples.OctoberIndexAsync();
        var html = EvidenceHtml.Render(index with { Store = "<script>alert(1)</script>" });

        html.Should().NotContain("<script>").And.Contain("&lt;script&gt;");
        html.Should().NotContain("src=\"http").And.NotContain("href=\"http").And.NotContain("@import");
        html.Should().Contain("@page { size: A4;").And.Contain("thead { display: table-header-group; }");
        html.Should().Contain("<span class=\"badge bad\">FAIL</span>").And.Contain("<span class=\"badge ok\">PASS</span>");
    }

    private static (int White, int Dark, int Red, int Green, int Colours) Census(PngImage image)
    {
        int white = 0, dark = 0, red = 0, green = 0;
        var colours = new HashSet<int>();
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b) = image[x, y];
                colours.Add((r << 16) | (g << 8) | b);
                if (r > 245 && g > 245 && b > 245)
                {
                    white++;
                }
                else if (r < 90 && g < 90 && b < 110)
                {
                    dark++;
                }

                if (r > 200 && g < 240 && b < 240 && r - g > 12)
                {
                    red++;
                }

                if (g > 200 && r < 240 && g - r > 12 && g - b > 5)
                {
                    green++;
                }
            }
        }

        return (white, dark, red, green, colours.Count);
    }

    private static bool IsNavy((byte R, byte G, byte B) p) => p.R < 60 && p.G < 80 && p.B > 70 && p.B < 120;
}
