using EcommerceBackupCdk.RestoreDrill.Reports;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure.StepFunctions;

/// <summary>A report store whose first writes fail the way an unreachable S3 does (an IOException), then writes through.</summary>
public sealed class FlakyReportStore
{
    private readonly int _failures;
    private int _attempts;

    public FlakyReportStore(int failures)
    {
        _failures = failures;
    }

    public int Attempts => Volatile.Read(ref _attempts);

    public IDrillReportStore Wrap(IDrillReportStore inner) => new Store(this, inner);

    private sealed class Store(FlakyReportStore owner, IDrillReportStore inner) : IDrillReportStore
    {
        public Task<string> WriteAsync(DrillReport report, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref owner._attempts) <= owner._failures
                ? throw new IOException("connection reset while writing the report (injected)")
                : inner.WriteAsync(report, cancellationToken);
    }
}
