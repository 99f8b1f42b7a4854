using System.Diagnostics;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Evidence;

/// <summary>
/// Renders HTML to a PNG with the Debian <c>chromium</c> package in headless mode. Finds the browser through
/// scripts/services/chromium.sh, which installs it when missing; a test never skips — without a browser it fails
/// saying how to get one.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly Lazy<string> Binary = new(Find, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Binary.Value;

    /// <summary>Renders <paramref name="htmlFile"/> at the given viewport and returns the PNG's bytes.</summary>
    public static byte[] Screenshot(string htmlFile, int width, int height)
    {
        var work = Directory.CreateTempSubdirectory("chromium-");
        try
        {
            var png = System.IO.Path.Combine(work.FullName, "page.png");
            var profile = System.IO.Path.Combine(work.FullName, "profile");
            var start = new ProcessStartInfo(Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--hide-scrollbars", "--force-device-scale-factor=1",
                $"--user-data-dir={profile}", $"--window-size={width},{height}", $"--screenshot={png}", new Uri(htmlFile).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Path}");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish within 90 s: {stderr.Result}");
            }

            if (!File.Exists(png))
            {
                throw new InvalidOperationException($"chromium exited {process.ExitCode} without a screenshot: {stdout.Result} {stderr.Result}");
            }

            return File.ReadAllBytes(png);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string Find()
    {
        var script = System.IO.Path.Combine(TestServices.RepoRoot, "scripts", "services", "chromium.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var path = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (process.ExitCode != 0 || path is null || !File.Exists(path))
        {
            throw new InvalidOperationException($"headless chromium is not available: `bash {script}` exited {process.ExitCode}: {errors.Trim()} " +
                "(install the Debian package `chromium`, or set CHROMIUM_PATH)");
        }

        return path;
    }
}
