namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>The two RDS operations the validator uses. <c>AWSSDK.RDS</c> can replace <see cref="RdsApiClient"/> behind this.</summary>
public interface IRdsApi
{
    /// <summary>DescribeDBInstances for one identifier; an unknown instance raises <see cref="AwsServiceException"/> DBInstanceNotFound.</summary>
    Task<DbInstanceDescription> DescribeDbInstanceAsync(string dbInstanceIdentifier, CancellationToken cancellationToken);

    /// <summary>DescribeDBClusters for one identifier; an unknown cluster raises <see cref="AwsServiceException"/> DBClusterNotFoundFault.</summary>
    Task<DbClusterDescription> DescribeDbClusterAsync(string dbClusterIdentifier, CancellationToken cancellationToken);
}
