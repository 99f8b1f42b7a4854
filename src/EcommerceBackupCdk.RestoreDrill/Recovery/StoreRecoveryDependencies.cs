using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Validators;

namespace EcommerceBackupCdk.RestoreDrill.Recovery;

/// <summary>
/// Everything store recovery talks to: the drill validator's data checks (<see cref="ResourceCheckDependencies"/>) plus the
/// restore APIs; <see cref="StoreRecoveryHandler.Create"/> builds the real ones.
/// </summary>
public sealed record StoreRecoveryDependencies : ResourceCheckDependencies
{
    public required IRecoveryRdsApi RecoveryRds { get; init; }

    public required IRecoveryBackupApi RecoveryBackup { get; init; }
}
