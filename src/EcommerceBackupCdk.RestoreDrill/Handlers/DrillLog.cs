using System.Text.Json;

namespace EcommerceBackupCdk.RestoreDrill.Handlers;

/// <summary>One JSON object per line, so CloudWatch Logs Insights can filter on fields.</summary>
internal sealed class DrillLog
{
    private readonly TextWriter _output;
    private readonly TimeProvider _clock;

    public DrillLog(TextWriter output, TimeProvider clock)
    {
        _output = output;
        _clock = clock;
    }

    public void Info(string message, string? restoreJobId = null) => Write("INFO", message, restoreJobId, null);

    public void Error(string message, string? restoreJobId = null, Exception? exception = null) => Write("ERROR", message, restoreJobId, exception);

    private void Write(string level, string message, string? restoreJobId, Exception? exception)
    {
        var entry = new Dictionary<string, string?>
        {
            ["time"] = _clock.GetUtcNow().ToString("O"),
            ["level"] = level,
            ["message"] = message,
        };
        if (restoreJobId is not null)
        {
            entry["restoreJobId"] = restoreJobId;
        }

        if (exception is not null)
        {
            entry["exception"] = exception.GetType().Name;
        }

        lock (_output)
        {
            _output.WriteLine(JsonSerializer.Serialize(entry));
            _output.Flush();
        }
    }
}
