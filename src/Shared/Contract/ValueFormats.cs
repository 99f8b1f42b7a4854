namespace EcommerceBackupCdk.Contract;

/// <summary>
/// The value formats that more than one side checks — the library's validators, the app's config reader and the Lambda's
/// settings readers — each written once. A <c>[GeneratedRegex(ValueFormats.X)]</c> on each side compiles the same text.
/// </summary>
internal static class ValueFormats
{
    /// <summary>
    /// A read-only SQL probe: one <c>SELECT</c> (or <c>WITH ... SELECT</c>), at most a trailing ';'. Matched ignoring case.
    /// The construct refuses anything else at synth, and the validator refuses it again at run time.
    /// </summary>
    public const string ReadOnlySqlQuery = @"^\s*(SELECT|WITH)\b[^;]*;?\s*$";

    /// <summary>A table prefix spliced into the preset queries: letters, digits and '_', at most 32.</summary>
    public const string SqlTablePrefix = "^[A-Za-z0-9_]{0,32}$";

    /// <summary>
    /// An S3 bucket name: "Bucket names must be between 3 (min) and 63 (max) characters long." "Bucket names can consist
    /// only of lowercase letters, numbers, periods (.), and hyphens (-)." "Bucket names must begin and end with a letter
    /// or number." (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html, three of the rules).
    /// </summary>
    public const string S3BucketName = "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$";

    /// <summary>The store name as the Lambda functions accept it from their environment (the library's rule is stricter).</summary>
    public const string StoreNameInEnvironment = "^[a-z0-9-]{1,64}$";

    /// <summary>A 12-digit AWS account id (the primary account, the DR account).</summary>
    public const string AwsAccountId = @"^\d{12}$";

    /// <summary>An EC2 VPC id: <c>vpc-</c> and 8 or 17 hexadecimal digits.</summary>
    public const string VpcId = "^vpc-([0-9a-f]{8}|[0-9a-f]{17})$";

    /// <summary>An EC2 subnet id: <c>subnet-</c> and 8 or 17 hexadecimal digits.</summary>
    public const string SubnetId = "^subnet-([0-9a-f]{8}|[0-9a-f]{17})$";

    /// <summary>An EC2 security group id: <c>sg-</c> and 8 or 17 hexadecimal digits.</summary>
    public const string SecurityGroupId = "^sg-([0-9a-f]{8}|[0-9a-f]{17})$";

    /// <summary>
    /// An IAM role ARN in any partition. "Names of users, groups, roles, policies, instance profiles, server certificates,
    /// and paths must be alphanumeric, including the following common characters: plus (+), equals (=), comma (,),
    /// period (.), at (@), underscore (_), and hyphen (-). Path names must begin and end with a forward slash (/)."
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html, "IAM name requirements"). The
    /// 512-character bound on path and name together is the one the earlier checks used, not a looked-up quota.
    /// </summary>
    public const string IamRoleArn = "^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$";

    /// <summary>A KMS key ARN (no alias ARN, no bare key id), in any partition.</summary>
    public const string KmsKeyArn = @"^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key/[A-Za-z0-9-]+$";

    /// <summary>An e-mail address for an SNS e-mail subscription: one '@', no white space, a dot in the domain.</summary>
    public const string EmailAddress = @"^[^@\s]+@[^@\s]+\.[^@\s]+$";
}
