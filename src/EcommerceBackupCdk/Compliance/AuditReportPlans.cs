using Amazon.CDK;
using Amazon.CDK.AWS.Backup;
using Constructs;
using EcommerceBackupCdk.Topology;

namespace EcommerceBackupCdk.Compliance;

/// <summary>
/// Daily AWS Backup Audit Manager reports, in CSV (for people) and JSON (for the evidence index), delivered into the
/// evidence bucket: backup, copy and restore jobs, control compliance and resource compliance of the frameworks.
/// CDK 2.160 has no L2 for report plans, so these are <see cref="CfnReportPlan"/>s.
/// </summary>
public sealed class AuditReportPlans : Construct
{
    private static readonly string[] Formats = ["CSV", "JSON"];
    private readonly Dictionary<string, CfnReportPlan> _plans = [];

    /// <summary>Creates the five report plans.</summary>
    public AuditReportPlans(Construct scope, string id, AuditReportPlansProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var names = new PhysicalNames(props.StoreName);
        foreach (var (childId, template, suffix) in new[]
        {
            ("BackupJobs", ReportTemplates.BackupJobs, "backup_jobs"),
            ("CopyJobs", ReportTemplates.CopyJobs, "copy_jobs"),
            ("RestoreJobs", ReportTemplates.RestoreJobs, "restore_jobs"),
            ("ControlCompliance", ReportTemplates.ControlCompliance, "control_compliance"),
            ("ResourceCompliance", ReportTemplates.ResourceCompliance, "resource_compliance"),
        })
        {
            var plan = new CfnReportPlan(this, childId, new CfnReportPlanProps
            {
                ReportPlanName = names.ReportPlan(suffix),
                ReportPlanDescription = $"Daily {template} of store {props.StoreName}, kept as audit evidence.",
                // Both properties are untyped JSON in the L1, so CDK does not capitalise struct keys: write them as
                // CloudFormation spells them.
                ReportDeliveryChannel = new Dictionary<string, object>
                {
                    ["S3BucketName"] = props.Evidence.Bucket.BucketName,
                    ["S3KeyPrefix"] = EvidenceLayout.ReportsPrefix,
                    ["Formats"] = Formats,
                },
                ReportSetting = ReportTemplates.Compliance.Contains(template)
                    ? new Dictionary<string, object> { ["ReportTemplate"] = template, ["FrameworkArns"] = props.FrameworkArns.ToArray() }
                    : new Dictionary<string, object> { ["ReportTemplate"] = template },
            });
            // Deliveries need the bucket policy that lets the reports role write.
            if (props.Evidence.Bucket.Policy is { } policy)
            {
                plan.Node.AddDependency(policy);
            }

            _plans[template] = plan;
        }
    }

    /// <summary>The plans by report template.</summary>
    public IReadOnlyDictionary<string, CfnReportPlan> Plans => _plans;
}
