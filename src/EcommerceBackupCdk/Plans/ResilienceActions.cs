using Amazon.CDK.AWS.Backup;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Plans;

/// <summary>
/// Adds GuardDuty scan settings and scan actions, and backup-index actions, to a plan after its rules are built. CDK 2.160's
/// <see cref="BackupPlanRule"/> has none of these properties, so this is the one place that sets them, through property
/// overrides on the plan's L1. CloudFormation names: <c>BackupPlan.ScanSettings[]</c> (MalwareScanner, ResourceTypes,
/// ScannerRoleArn), <c>BackupPlanRule[].ScanActions[]</c> (MalwareScanner, ScanMode),
/// <c>BackupPlanRule[].IndexActions[]</c> (ResourceTypes) —
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-backup-backupplan-scansettingresourcetype.html,
/// .../aws-properties-backup-backupplan-scanactionresourcetype.html, .../aws-properties-backup-backupplan-indexactionsresourcetype.html.
/// </summary>
internal static class ResilienceActions
{
    /// <summary>Scan settings on the plan and a scan action on each rule at the given indices (the snapshot rules).</summary>
    public static void AddMalwareScan(BackupPlan plan, IReadOnlyList<int> snapshotRules, MalwareScanOptions options, string scannerRoleArn)
    {
        var cfn = (CfnBackupPlan)plan.Node.DefaultChild!;
        cfn.AddPropertyOverride("BackupPlan.ScanSettings", new object[]
        {
            new Dictionary<string, object>
            {
                ["MalwareScanner"] = ResilienceFacts.MalwareScanner,
                ["ResourceTypes"] = ResilienceFacts.ScannableResourceTypes.ToArray(),
                ["ScannerRoleArn"] = scannerRoleArn,
            },
        });
        foreach (var i in snapshotRules)
        {
            cfn.AddPropertyOverride($"BackupPlan.BackupPlanRule.{i}.ScanActions", new object[]
            {
                new Dictionary<string, object>
                {
                    ["MalwareScanner"] = ResilienceFacts.MalwareScanner,
                    ["ScanMode"] = options.ScanMode == MalwareScanMode.Full ? "FULL_SCAN" : "INCREMENTAL_SCAN",
                },
            });
        }
    }

    /// <summary>An S3 index action on each rule at the given indices (one index action per rule).</summary>
    public static void AddS3Index(BackupPlan plan, IReadOnlyList<int> snapshotRules)
    {
        var cfn = (CfnBackupPlan)plan.Node.DefaultChild!;
        foreach (var i in snapshotRules)
        {
            cfn.AddPropertyOverride($"BackupPlan.BackupPlanRule.{i}.IndexActions", new object[]
            {
                new Dictionary<string, object> { ["ResourceTypes"] = new[] { ResilienceFacts.IndexedResourceType } },
            });
        }
    }

    /// <summary>Whether a tier is scanned / indexed under the options.</summary>
    public static bool Covers(IReadOnlyList<TierName>? tiers, TierName tier) => tiers?.Contains(tier) == true;
}
