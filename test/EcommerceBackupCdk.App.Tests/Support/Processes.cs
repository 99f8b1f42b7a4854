using System.Diagnostics;

namespace EcommerceBackupCdk.App.Tests.Support;

/// <summary>What a finished process printed and returned.</summary>
internal sealed record ProcessResult(int Code, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;
}

/// <summary>Runs the real tools the tests drive (node, cfn-lint, python3, dotnet), with a time limit.</summary>
internal static class Processes
{
    public static ProcessResult Run(
        string file,
        IEnumerable<string> args,
        TimeSpan timeout,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        string? stdin = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory ?? Repo.Root,
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {timeout.TotalMinutes} minutes");
        }

        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
