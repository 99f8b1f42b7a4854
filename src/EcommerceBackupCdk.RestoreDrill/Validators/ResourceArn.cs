namespace EcommerceBackupCdk.RestoreDrill.Validators;

/// <summary>A parsed ARN: arn:partition:service:region:account:resource.</summary>
public sealed record ResourceArn(string Partition, string Service, string Region, string Account, string Resource)
{
    public static bool TryParse(string? arn, out ResourceArn parsed)
    {
        parsed = null!;
        if (arn is null)
        {
            return false;
        }

        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[1].Length == 0 || parts[2].Length == 0 || parts[5].Length == 0)
        {
            return false;
        }

        parsed = new ResourceArn(parts[1], parts[2], parts[3], parts[4], parts[5]);
        return true;
    }

    /// <summary>DynamoDB: table/NAME → NAME.</summary>
    public string? DynamoDbTableName => Service == "dynamodb" && Resource.StartsWith("table/", StringComparison.Ordinal) && !Resource[6..].Contains('/', StringComparison.Ordinal)
        ? Resource[6..]
        : null;

    /// <summary>S3: arn:aws:s3:::BUCKET → BUCKET.</summary>
    public string? S3BucketName => Service == "s3" && !Resource.Contains('/', StringComparison.Ordinal) ? Resource : null;

    /// <summary>RDS: db:ID → ID.</summary>
    public string? RdsInstanceId => Service == "rds" && Resource.StartsWith("db:", StringComparison.Ordinal) ? Resource[3..] : null;

    /// <summary>RDS: cluster:ID → ID.</summary>
    public string? RdsClusterId => Service == "rds" && Resource.StartsWith("cluster:", StringComparison.Ordinal) ? Resource[8..] : null;
}
