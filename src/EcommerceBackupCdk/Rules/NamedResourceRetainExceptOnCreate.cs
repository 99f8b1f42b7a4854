namespace EcommerceBackupCdk.Rules;

/// <summary>
/// A resource with a fixed physical name must not be plain <c>Retain</c>: when the first deploy fails, CloudFormation
/// rolls back but keeps the resource, and every retry fails because the name is taken. <c>RetainExceptOnCreate</c>
/// keeps it on every later delete or replacement but removes it when the operation that created it rolls back.
/// </summary>
/// <remarks>
/// <para>CloudFormation <c>DeletionPolicy</c>, as CDK documents <c>CfnDeletionPolicy.RETAIN_EXCEPT_ON_CREATE</c>
/// (https://docs.aws.amazon.com/cdk/api/v2/python/aws_cdk/CfnDeletionPolicy.html): "RetainExceptOnCreate behaves like
/// Retain for stack operations, except for the stack operation that initially created the resource. If the stack
/// operation that created the resource is rolled back, CloudFormation deletes the resource."; and the CloudFormation
/// API (https://boto3.amazonaws.com/v1/documentation/api/1.28.44/reference/services/cloudformation/stack/retain_except_on_create.html):
/// "This ensures new, empty, and unused resources are deleted, while critical resources and their data are retained."</para>
/// <para>Checks named backup vaults (<c>BackupVaultName</c>) and log groups (<c>LogGroupName</c>): a resource created
/// by the failed operation is empty, so deleting it on rollback loses nothing. CDK 2.160 renders
/// <c>RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE</c> as <c>DeletionPolicy: RetainExceptOnCreate</c>.</para>
/// </remarks>
internal sealed class NamedResourceRetainExceptOnCreate : IServiceRule
{
    private static readonly (string Type, string NameProperty)[] Named =
    [
        ("AWS::Backup::BackupVault", "BackupVaultName"),
        ("AWS::Logs::LogGroup", "LogGroupName"),
    ];

    public string Id => nameof(NamedResourceRetainExceptOnCreate);

    public IEnumerable<RuleFinding> Check(RuleTemplate template)
    {
        foreach (var (type, nameProperty) in Named)
        {
            foreach (var resource in template.OfType(type))
            {
                if (resource.Property(nameProperty) is not null && resource.DeletionPolicy == "Retain")
                {
                    yield return new RuleFinding(
                        resource,
                        "DeletionPolicy",
                        $"\"Retain\" with {nameProperty} {RuleJson.Show(resource.Property(nameProperty))}",
                        "a named resource kept when its first deploy rolls back makes every retry fail because the name is taken",
                        "use RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE (DeletionPolicy RetainExceptOnCreate, UpdateReplacePolicy Retain)");
                }
            }
        }
    }
}
