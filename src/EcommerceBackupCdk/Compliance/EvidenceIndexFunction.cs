using System.Globalization;
using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using Constructs;

namespace EcommerceBackupCdk.Compliance;

/// <summary>
/// The evidence index: a function (in the restore-drill Lambda project) that, monthly and on demand, reads the drill
/// reports, Audit Manager reports and CloudTrail digest files of a month from the evidence bucket and writes an
/// auditor-readable summary (Markdown, printable HTML, JSON) under <see cref="EvidenceLayout.IndexPrefix"/>.
/// Run it on demand with <c>aws lambda invoke --payload '{"period":"2025-06"}'</c>.
/// </summary>
public sealed class EvidenceIndexFunction : Construct
{
    /// <summary>The handler in the restore-drill assembly.</summary>
    public const string Handler = ContractHandlers.EvidenceIndex;

    /// <summary>Creates the function, its log group, role and monthly schedule.</summary>
    public EvidenceIndexFunction(Construct scope, string id, EvidenceIndexFunctionProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var functionName = new PhysicalNames(props.StoreName).EvidenceIndexFunction;
        var logs = new LogGroup(this, "Logs", new Amazon.CDK.AWS.Logs.LogGroupProps
        {
            LogGroupName = PhysicalNames.FunctionLogGroup(functionName),
            EncryptionKey = props.Evidence.Key,
            Retention = RetentionDays.ONE_YEAR,
            // Named: a rolled-back first deploy must not leave it behind (Rules/NamedResourceRetainExceptOnCreate).
            RemovalPolicy = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
        });

        var role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"Evidence index of store {props.StoreName}: reads the evidence bucket, writes only under {EvidenceLayout.IndexPrefix}/.",
        });
        var policy = new ManagedPolicy(this, "Policy", new ManagedPolicyProps
        {
            Description = $"Evidence index of store {props.StoreName}: logs, read the evidence bucket (writes are granted by the bucket policy).",
            Statements =
            [
                new PolicyStatement(new PolicyStatementProps { Actions = ["logs:CreateLogStream", "logs:PutLogEvents"], Resources = [logs.LogGroupArn] }),
                new PolicyStatement(new PolicyStatementProps { Actions = ["s3:ListBucket"], Resources = [props.Evidence.Bucket.BucketArn] }),
                new PolicyStatement(new PolicyStatementProps { Actions = ["s3:GetObject"], Resources = [props.Evidence.Bucket.ArnForObjects("*")] }),
                new PolicyStatement(new PolicyStatementProps { Actions = ["kms:Decrypt"], Resources = [props.Evidence.Key.KeyArn] }),
                .. DrillReportStatements(props),
            ],
            Roles = [role],
        });
        props.Evidence.AllowWriter(role, EvidenceLayout.IndexPrefix);
        NagSuppressions.Add(policy,
            ("AwsSolutions-IAM5", "s3:GetObject on every object of the evidence bucket: the index summarises all reports, drills and digests of a month, whose keys are not known in advance; the bucket policy still denies it every write outside evidence-index/."));

        Function = new Function(this, "Resource", new FunctionProps
        {
            FunctionName = functionName,
            Description = $"Writes the monthly audit evidence index of store {props.StoreName}.",
            // CDK 2.160 predates the managed .NET 10 runtime; the name is the one Lambda documents.
            Runtime = new Runtime("dotnet10", RuntimeFamily.DOTNET_CORE),
            Architecture = Architecture.ARM_64,
            Handler = Handler,
            Code = props.Code,
            MemorySize = 512,
            Timeout = Duration.Minutes(5),
            ReservedConcurrentExecutions = 1,
            Role = role,
            Vpc = props.Network?.Vpc,
            VpcSubnets = props.Network is null ? null : props.Network.Subnets ?? new Amazon.CDK.AWS.EC2.SubnetSelection { SubnetType = Amazon.CDK.AWS.EC2.SubnetType.PRIVATE_WITH_EGRESS },
            SecurityGroups = props.Network is { SecurityGroups.Count: > 0 } n ? [.. n.SecurityGroups] : null,
            LogGroup = logs,
            Environment = new Dictionary<string, string>
            {
                [EvidenceVariables.StoreName] = props.StoreName,
                [EvidenceVariables.Bucket] = props.Evidence.Bucket.BucketName,
                [EvidenceVariables.Tiers] = TiersJson(props),
                [EvidenceVariables.Frameworks] = string.Join(",", props.FrameworkNames),
                [EvidenceVariables.DrillReportBucket] = (props.DrillReports ?? props.Evidence.Bucket).BucketName,
            },
        });
        // Its permissions must exist before its first run. The L2 also makes it depend on the role, which it already
        // references with GetAtt (cfn-lint W3005), so the dependencies are written here, once.
        var stack = Stack.Of(this);
        ((CfnFunction)Function.Node.DefaultChild!).AddOverride("DependsOn", new[] { stack.GetLogicalId((CfnResource)policy.Node.DefaultChild!) });
        if (props.Network is null)
        {
            NagSuppressions.Add(Function,
                ("NIST.800.53.R5-LambdaInsideVPC", "Talks only to S3 through its public TLS endpoint and holds no network-reachable state; a VPC would add NAT or endpoints without reducing exposure."),
                ("PCI.DSS.321-LambdaInsideVPC", "Talks only to S3 through its public TLS endpoint and holds no network-reachable state; a VPC would add NAT or endpoints without reducing exposure."),
                ("HIPAA.Security-LambdaInsideVPC", "Talks only to S3 through its public TLS endpoint and holds no network-reachable state; a VPC would add NAT or endpoints without reducing exposure."));
        }

        NagSuppressions.Add(Function,
            ("NIST.800.53.R5-LambdaDLQ", "Scheduled, idempotent run: EventBridge retries twice and the next run rewrites the whole index; a lost event loses nothing."),
            ("HIPAA.Security-LambdaDLQ", "Scheduled, idempotent run: EventBridge retries twice and the next run rewrites the whole index; a lost event loses nothing."));
        ControlTowerControls.FunctionOutsideVpc(Function,
            "Talks only to S3 through its public TLS endpoint and holds no network-reachable state; a VPC would add NAT or endpoints without reducing exposure.");

        Schedule = new Rule(this, "Schedule", new RuleProps
        {
            Description = $"Monthly audit evidence index of store {props.StoreName} (indexes the previous month).",
            Schedule = Amazon.CDK.AWS.Events.Schedule.Expression(props.Schedule),
            Targets = [new LambdaFunction(Function, new LambdaFunctionProps { RetryAttempts = 2, MaxEventAge = Duration.Hours(6) })],
        });
    }

    /// <summary>The function.</summary>
    public Function Function { get; }

    /// <summary>The monthly schedule.</summary>
    public Rule Schedule { get; }

    // Read-only access to the drill reports when they live in the drill construct's own bucket.
    private static PolicyStatement[] DrillReportStatements(EvidenceIndexFunctionProps props) => props.DrillReports is not { } reports
        ? []
        : [
            new PolicyStatement(new PolicyStatementProps { Actions = ["s3:ListBucket"], Resources = [reports.BucketArn] }),
            new PolicyStatement(new PolicyStatementProps { Actions = ["s3:GetObject"], Resources = [reports.ArnForObjects($"{BucketPrefixes.DrillReports}*")] }),
            .. props.DrillReportsKey is { } key ? [new PolicyStatement(new PolicyStatementProps { Actions = ["kms:Decrypt"], Resources = [key.KeyArn] })] : Array.Empty<PolicyStatement>(),
        ];

    /// <summary>The per-tier targets handed to the function, e.g. <c>{"critical":{"rpoSeconds":300,...}}</c>.</summary>
    internal static string TiersJson(EvidenceIndexFunctionProps props)
    {
        var tiers = new Dictionary<string, object>();
        foreach (var (tier, t) in props.Targets.Each())
        {
            var copies = t.Rules.SelectMany(r => r.Copies.Select(c => (c.Destination switch
            {
                CopyDestination.DrRegion => $"{r.Name} -> DR region {props.DrRegion}",
                CopyDestination.AirGapped => $"{r.Name} -> air-gapped vault in the DR account",
                _ => $"{r.Name} -> DR account {props.DrAccount}",
            }) + $" [{Vaults.Immutability.Text(Vaults.Immutability.Of(c.Destination, props.LockMode))}]")).ToList();
            tiers[tier.TagValue()] = new Dictionary<string, object>
            {
                [EvidenceTierFields.RpoSeconds] = (long)t.Rpo.TotalSeconds,
                [EvidenceTierFields.RtoSeconds] = (long)t.Rto.TotalSeconds,
                [EvidenceTierFields.RetentionDays] = (long)t.LongestRetention.TotalDays,
                [EvidenceTierFields.Rules] = t.Rules.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Name} {r.Schedule} kept {(long)r.Retention.TotalDays}d"))
                    .Concat(t.Continuous is { } c ? [string.Create(CultureInfo.InvariantCulture, $"Continuous (PITR) kept {(long)c.Retention.TotalDays}d")] : [])
                    .ToList(),
                [EvidenceTierFields.Copies] = copies,
            };
        }

        return JsonSerializer.Serialize(tiers);
    }
}
