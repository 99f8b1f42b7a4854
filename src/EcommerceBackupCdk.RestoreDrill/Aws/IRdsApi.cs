namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>
/// The RDS operations the drill flow uses. <c>AWSSDK.RDS</c> can replace <see cref="RdsApiClient"/> behind this.
/// Every mutating call targets only what a drill restored (the restored cluster/instance, or the flow's temporary
/// instance in it); the validator's IAM policy enforces the same with the <c>awsbackup-restore-test</c> tag.
/// </summary>
public interface IRdsApi
{
    /// <summary>DescribeDBInstances for one identifier; an unknown instance raises <see cref="AwsServiceException"/> DBInstanceNotFound.</summary>
    Task<DbInstanceDescription> DescribeDbInstanceAsync(string dbInstanceIdentifier, CancellationToken cancellationToken);

    /// <summary>DescribeDBClusters for one identifier; an unknown cluster raises <see cref="AwsServiceException"/> DBClusterNotFoundFault.</summary>
    Task<DbClusterDescription> DescribeDbClusterAsync(string dbClusterIdentifier, CancellationToken cancellationToken);

    /// <summary>DescribeOrderableDBInstanceOptions: the instance classes RDS offers for an engine and version (all pages).</summary>
    Task<IReadOnlyList<string>> DescribeOrderableInstanceClassesAsync(string engine, string? engineVersion, CancellationToken cancellationToken);

    /// <summary>CreateDBInstance of a member instance in an Aurora cluster (no password: Aurora instances take the cluster's).</summary>
    Task CreateClusterInstanceAsync(string dbInstanceIdentifier, string dbClusterIdentifier, string instanceClass, string engine, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    /// <summary>DeleteDBInstance without a final snapshot (the instance is a throw-away copy).</summary>
    Task DeleteDbInstanceAsync(string dbInstanceIdentifier, CancellationToken cancellationToken);

    /// <summary>ModifyDBCluster (cluster) or ModifyDBInstance (instance) with a new MasterUserPassword, applied immediately.</summary>
    Task SetMasterUserPasswordAsync(bool cluster, string identifier, string password, CancellationToken cancellationToken);
}
