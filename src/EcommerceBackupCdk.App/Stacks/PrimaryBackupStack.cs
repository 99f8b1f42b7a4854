using Amazon.CDK;
using Constructs;

namespace EcommerceBackupCdk.App.Stacks;

/// <summary>The stack of the primary account and region: vault, plans, alerts.</summary>
internal sealed class PrimaryBackupStack : Stack
{
    public PrimaryBackupStack(Construct scope, string id, PrimaryBackupStackProps props)
        : base(scope, id, props)
    {
        Backup = new EcommerceBackup(this, "Backup", props.Backup);
    }

    public EcommerceBackup Backup { get; }
}
