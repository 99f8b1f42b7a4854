namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>
/// The RDS operations store recovery uses (issue 13): restorable windows, point-in-time restores into new
/// identifiers, the Aurora instance, tags and deletion of what recovery created. <c>AWSSDK.RDS</c> can replace
/// <see cref="RecoveryRdsApiClient"/> behind this.
/// </summary>
public interface IRecoveryRdsApi
{
    /// <summary>DescribeDBInstances for one instance: LatestRestorableTime, BackupRetentionPeriod, InstanceCreateTime, status, endpoint.</summary>
    Task<RdsRestoreTarget> DescribeInstanceAsync(string dbInstanceIdentifier, CancellationToken cancellationToken);

    /// <summary>DescribeDBClusters for one cluster: EarliestRestorableTime, LatestRestorableTime, status, members.</summary>
    Task<RdsRestoreTarget> DescribeClusterAsync(string dbClusterIdentifier, CancellationToken cancellationToken);

    /// <summary>RestoreDBInstanceToPointInTime from the source into a new identifier, tagged.</summary>
    Task RestoreInstanceToPointInTimeAsync(string sourceIdentifier, string targetIdentifier, DateTimeOffset restoreTime, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    /// <summary>RestoreDBClusterToPointInTime from the source into a new identifier, tagged. Creates no DB instance.</summary>
    Task RestoreClusterToPointInTimeAsync(string sourceIdentifier, string targetIdentifier, DateTimeOffset restoreTime, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    /// <summary>CreateDBInstance inside a restored cluster (Aurora).</summary>
    Task CreateClusterInstanceAsync(string clusterIdentifier, string instanceIdentifier, string engine, string instanceClass, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    /// <summary>ListTagsForResource.</summary>
    Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string arn, CancellationToken cancellationToken);

    /// <summary>DeleteDBInstance with SkipFinalSnapshot (only ever called for an instance recovery created).</summary>
    Task DeleteInstanceAsync(string dbInstanceIdentifier, CancellationToken cancellationToken);

    /// <summary>DeleteDBCluster with SkipFinalSnapshot (only ever called for a cluster recovery created).</summary>
    Task DeleteClusterAsync(string dbClusterIdentifier, CancellationToken cancellationToken);
}
