using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.Scheduler;
using Amazon.CDK.AWS.StepFunctions;
using EcommerceBackupCdk.Compliance;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Validation;
using Constructs;

namespace EcommerceBackupCdk.Recovery;

/// <summary>
/// Store recovery (DESIGN §10): the state machine <c>&lt;store&gt;-store-recovery</c> restores every resource of a
/// tier — found at run time by its tier tag — to one point in time, in parallel, into recovery-prefixed names;
/// validates each with the drill validator's checks and the layers against each other; measures RTO per resource
/// and for the whole store (EMF + report); alarms when the full-stack RTO misses the tier's RTO. Drill mode deletes
/// what the execution created, also on failure; incident mode keeps it and writes the cutover steps. A quarterly
/// schedule runs drill mode. Start it with
/// <c>aws stepfunctions start-execution --state-machine-arn &lt;arn&gt; --input '{"pointInTime":"latest","mode":"incident"}'</c>.
/// </summary>
public sealed class StoreRecovery : Construct
{
    /// <summary>Validates the props (all problems at once) and creates store recovery.</summary>
    public StoreRecovery(Construct scope, string id, StoreRecoveryProps props)
        : base(scope, ValidatedId(id, props))
    {
        var stack = Stack.Of(this);
        var store = props.StoreName;
        var options = props.Options;
        var targets = props.Targets[options.Tier];
        var names = new PhysicalNames(store);
        var functionName = names.RecoveryFunction;
        var logGroupName = PhysicalNames.FunctionLogGroup(functionName);

        LogGroupEncryption.Allow(props.Key, "AllowStoreRecoveryLogGroups", logGroupName, PhysicalNames.StateMachineLogGroup(names.RecoveryStateMachine));

        var env = new Dictionary<string, string>(props.ValidatorEnvironment)
        {
            [RecoveryVariables.AuroraInstanceClass] = options.AuroraInstanceClass,
            [DrillVariables.DefaultTier] = options.Tier.TagValue(),
        };
        if (options.S3RestoreRole is { } s3Role)
        {
            env[RecoveryVariables.BackupRestoreRoleArn] = s3Role.RoleArn;
        }

        const string noDlq = "Step Functions invokes this function synchronously and retries or catches every error in the state machine; there is no asynchronous invocation whose event a dead-letter queue could keep.";
        var steps = DotnetFunction.Create(this, new DotnetFunction.Spec
        {
            Id = "Function",
            FunctionName = functionName,
            Description = $"The steps of {names.RecoveryStateMachine}: plan one point in time, restore, poll, validate, report, clean up (DESIGN §10).",
            RoleDescription = $"Store recovery of {store}: restores into '{RecoveryContract.RestoredPrefix}' names and deletes only those; never changes a source.",
            PolicyDescription = $"Store recovery of {store}: point-in-time restores into '{RecoveryContract.RestoredPrefix}' names, their validation, reports and deletion; every change to anything else is denied.",
            SecurityGroupDescription = $"Store recovery of {store}: outbound to restored databases and AWS APIs only.",
            Handler = RecoveryContract.Handler,
            Code = props.Code ?? DrillCode.Default(),
            MemorySizeMb = RecoveryDefaults.MemorySizeMb,
            Timeout = RecoveryDefaults.FunctionTimeout,
            LogRetention = RetentionDays.ONE_YEAR,
            Key = props.Key,
            Environment = env,
            Statements = logGroup => FunctionStatements(stack, props, logGroup),
            PolicySuppressions =
            [
                ("AwsSolutions-IAM5", "Sources are found at run time by their tier tag, so restore-from and describe actions name every table/instance/cluster of the account and region; everything that creates, writes, tags or deletes is limited to the 'recovery-' prefix, and every change outside it is explicitly denied. backup:StartRestoreJob and DescribeRestoreJob support no resource-level scoping beyond recovery points; backup:ListScanJobs (read-only) supports none at all; report keys are dated; Lambda ENI actions need '*'."),
            ],
            FunctionSuppressions = [("NIST.800.53.R5-LambdaDLQ", noDlq), ("HIPAA.Security-LambdaDLQ", noDlq), ("PCI.DSS.321-LambdaDLQ", noDlq)],
            NoNetworkReason = "No network is configured (drills.network): the function then only calls AWS APIs over TLS and cannot reach private databases; configure a VPC to run SQL probes.",
            // As for the drill validator: subnets of a VPC in another stack arrive as Fn::ImportValue.
            ImportedNetworkReason = "The function is in a customer-managed VPC (drills.network) whose subnets another stack exports: they reach this template as Fn::ImportValue, which the static check cannot resolve; a Control Tower hook sees the resolved subnet ids.",
            Network = props.Network,
            ReservedConcurrentExecutions = 10,
        });
        FunctionRole = steps.Role;
        FunctionPolicy = steps.Policy;
        Function = steps.Function;

        var machineLogs = new LogGroup(this, "StateMachineLogs", new LogGroupProps
        {
            LogGroupName = PhysicalNames.StateMachineLogGroup(names.RecoveryStateMachine),
            Retention = RetentionDays.ONE_YEAR,
            EncryptionKey = props.Key,
            // Named: kept on update/delete but not after a failed first create, so a retry can take the name again.
            RemovalPolicy = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
        });

        StateMachine = new StateMachine(this, "Resource", new StateMachineProps
        {
            StateMachineName = names.RecoveryStateMachine,
            StateMachineType = StateMachineType.STANDARD,
            DefinitionBody = DefinitionBody.FromString(RecoveryStateMachineDefinition.Build("${RecoveryFunctionArn}", options.Tier, options.PollInterval, options.RestoreTimeout)),
            DefinitionSubstitutions = new Dictionary<string, string> { ["RecoveryFunctionArn"] = Function.FunctionArn },
            TracingEnabled = true,
            Logs = new LogOptions { Destination = machineLogs, Level = LogLevel.ALL, IncludeExecutionData = false },
        });
        Function.GrantInvoke(StateMachine);
        // CDK makes the state machine depend on its role, which its RoleArn GetAtt already does (cfn-lint W3005); it must
        // depend on the role's policy instead, so the function grant exists before the first execution.
        if (StateMachine.Role.Node.TryFindChild("DefaultPolicy")?.Node.DefaultChild is CfnResource machinePolicy)
        {
            ((CfnResource)StateMachine.Node.DefaultChild!).AddOverride("DependsOn", new[] { machinePolicy.LogicalId });
        }
        StateMachine.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "FindTierResourcesByTag",
            Actions = ["tag:GetResources"],
            Resources = ["*"],
        }));
        NagSuppressions.AddToTree(StateMachine, ["AWS::IAM::Policy"],
            ("AwsSolutions-IAM5", "tag:GetResources supports no resource-level permissions; X-Ray and log delivery actions need '*'; the function ARN wildcard is CDK's grant of its versions."),
            ("PCI.DSS.321-IAMNoInlinePolicy", InlineReason), ("NIST.800.53.R5-IAMNoInlinePolicy", InlineReason), ("HIPAA.Security-IAMNoInlinePolicy", InlineReason));

        if (options.Schedule is { } schedule)
        {
            var schedulerRole = new Role(this, "ScheduleRole", new RoleProps
            {
                AssumedBy = new ServicePrincipal("scheduler.amazonaws.com"),
                Description = $"Starts the quarterly drill-mode run of {names.RecoveryStateMachine}.",
            });
            StateMachine.GrantStartExecution(schedulerRole);
            NagSuppressions.AddToTree(schedulerRole, ["AWS::IAM::Policy"],
                ("PCI.DSS.321-IAMNoInlinePolicy", InlineReason), ("NIST.800.53.R5-IAMNoInlinePolicy", InlineReason), ("HIPAA.Security-IAMNoInlinePolicy", InlineReason));
            Schedule = new CfnSchedule(this, "Schedule", new CfnScheduleProps
            {
                Name = names.RecoverySchedule,
                Description = $"Quarterly drill-mode store recovery of {store} (latest common point, everything deleted afterwards).",
                ScheduleExpression = schedule,
                ScheduleExpressionTimezone = options.TimeZone,
                FlexibleTimeWindow = new CfnSchedule.FlexibleTimeWindowProperty { Mode = "OFF" },
                Target = new CfnSchedule.TargetProperty
                {
                    Arn = StateMachine.StateMachineArn,
                    RoleArn = schedulerRole.RoleArn,
                    Input = $"{{\"pointInTime\":\"latest\",\"tier\":\"{options.Tier.TagValue()}\",\"mode\":\"drill\"}}",
                },
            });
        }

        // The monitoring's severities re-rank it; without monitoring it keeps the default (critical).
        var severity = props.Monitoring?.SeverityOf(AlarmKinds.StoreRecoveryRtoBreached) ?? MonitoringDefaults.Severities[AlarmKinds.StoreRecoveryRtoBreached];
        RtoAlarm = new Alarm(this, "FullStackRtoBreached", new AlarmProps
        {
            AlarmName = names.Alarm(AlarmKinds.StoreRecoveryRtoBreached, severity),
            AlarmDescription = $"The last store recovery of {store} ({options.Tier.TagValue()} tier) took longer than the RTO target of {DurationText.Format(targets.Rto)} from start to the last resource validated. The recovery report under recovery/ in the drill report bucket shows each resource's time.",
            Metric = new Metric(new MetricProps
            {
                Namespace = RecoveryContract.MetricNamespace,
                MetricName = RecoveryContract.FullStackRtoSeconds,
                DimensionsMap = new Dictionary<string, string> { [RecoveryMetricNames.StoreDimension] = store, [RecoveryMetricNames.TierDimension] = options.Tier.TagValue() },
                Statistic = Stats.MAXIMUM,
                Period = Duration.Hours(1),
            }),
            ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
            Threshold = targets.Rto.TotalSeconds,
            EvaluationPeriods = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        if (props.Monitoring is { } monitoring)
        {
            monitoring.AddAlarm(RtoAlarm, AlarmKinds.StoreRecoveryRtoBreached);
        }
        else if (props.AlarmTopic is { } topic)
        {
            RtoAlarm.AddAlarmAction(new SnsAction(topic));
        }

        RtoTarget = targets.Rto;
        Tier = options.Tier;
    }

    private const string InlineReason = "CDK's own grant for a service role (Step Functions invoking the recovery function and calling tag:GetResources; EventBridge Scheduler starting the state machine): one statement set owned by this construct, replaced with it, not shared or edited by hand.";

    private static string ValidatedId(string id, StoreRecoveryProps props)
    {
        ArgumentNullException.ThrowIfNull(props);
        var problems = new ValidationProblems();
        RecoveryOptionsValidator.Validate(props.Options, props.Targets, problems);
        problems.ThrowIfAny("StoreRecovery");
        return id;
    }

    /// <summary>The state machine <c>&lt;store&gt;-store-recovery</c>.</summary>
    public StateMachine StateMachine { get; }

    /// <summary>The function running its steps.</summary>
    public IFunction Function { get; }

    /// <summary>The function's role.</summary>
    public IRole FunctionRole { get; }

    /// <summary>The one policy of the function's role.</summary>
    public IManagedPolicy FunctionPolicy { get; }

    /// <summary>The quarterly drill-mode schedule, or null when <see cref="RecoveryOptions.Schedule"/> is null.</summary>
    public CfnSchedule? Schedule { get; }

    /// <summary>Fires when the measured full-stack RTO exceeds the tier's RTO.</summary>
    public Alarm RtoAlarm { get; }

    /// <summary>The RTO target the alarm and the report measure against.</summary>
    public TimeSpan RtoTarget { get; }

    /// <summary>The tier recovered by default.</summary>
    public TierName Tier { get; }

    /// <summary>The state machine name of a store.</summary>
    public static string StateMachineName(string storeName) => new PhysicalNames(storeName).RecoveryStateMachine;

    /// <summary>The recovery function name of a store.</summary>
    public static string FunctionName(string storeName) => new PhysicalNames(storeName).RecoveryFunction;

    /// <summary>Actions the function is denied on everything that is not recovery-prefixed: no source can be changed or deleted.</summary>
    public static IReadOnlyList<string> SourceProtectedActions { get; } =
    [
        "dynamodb:DeleteTable", "dynamodb:UpdateTable", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
        "dynamodb:BatchWriteItem", "dynamodb:PartiQLDelete", "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate",
        "dynamodb:UpdateContinuousBackups", "dynamodb:TagResource", "dynamodb:UntagResource",
        "rds:DeleteDBInstance", "rds:DeleteDBCluster", "rds:ModifyDBInstance", "rds:ModifyDBCluster", "rds:StopDBInstance",
        "rds:StopDBCluster", "rds:RebootDBInstance", "rds:FailoverDBCluster", "rds:RemoveTagsFromResource", "rds:AddTagsToResource",
        "s3:DeleteBucket", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutBucketPolicy", "s3:PutLifecycleConfiguration",
        "s3:PutBucketVersioning",
    ];

    private static PolicyStatement[] FunctionStatements(Stack stack, StoreRecoveryProps props, LogGroup logGroup)
    {
        var p = RecoveryContract.RestoredPrefix;
        var partition = stack.Partition;
        var region = stack.Region;
        var account = stack.Account;
        var table = $"arn:{partition}:dynamodb:{region}:{account}:table";
        var db = $"arn:{partition}:rds:{region}:{account}:db";
        var cluster = $"arn:{partition}:rds:{region}:{account}:cluster";
        string[] restored = [$"{table}/{p}*", $"{db}:{p}*", $"{cluster}:{p}*", $"arn:{partition}:s3:::{p}*", $"arn:{partition}:s3:::{p}*/*"];
        static PolicyStatement Allow(string sid, string[] actions, string[] resources, Dictionary<string, object>? conditions = null) =>
            LambdaStatements.Allow(sid, actions, resources, conditions);

        var statements = new List<PolicyStatement>
        {
            // "DynamoDB RestoreTableToPointInTime permissions are necessary on the source table, and DynamoDB read and
            // write permissions on the target table are necessary for restore functionality."
            // (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/backuprestore_IAM.html) — so writes
            // granted only on recovery-prefixed tables let restores create nothing else.
            Allow("ReadSourceWindows", ["dynamodb:DescribeContinuousBackups", "dynamodb:DescribeTable", "rds:DescribeDBInstances", "rds:DescribeDBClusters", "rds:ListTagsForResource"],
                [$"{table}/*", $"{db}:*", $"{cluster}:*"]),
            Allow("RestoreTablesFromSources", ["dynamodb:RestoreTableToPointInTime"], [$"{table}/*"]),
            Allow("WriteRestoredTablesOnly", ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchWriteItem",
                "dynamodb:TagResource", "dynamodb:ListTagsOfResource", "dynamodb:DeleteTable"], [$"{table}/{p}*"]),
            // Point-in-time restores name a source (any instance/cluster of the tier) and a new target in one request. No
            // resource ARN pattern can say "any source, but only a recovery-prefixed target" (this session could not
            // retrieve the service authorization reference row that says which ARNs RDS authorizes for these two
            // actions), so they are granted on every db/cluster ARN. What holds the line instead: the function only ever
            // sends recovery-prefixed target names (RequirePrefix, tested), tags every restore with the execution, and
            // DenyChangingSources forbids modifying or deleting anything not recovery-prefixed — a misnamed restore would
            // be an extra copy, never a changed source.
            Allow("RestoreDatabasesFromSources", ["rds:RestoreDBInstanceToPointInTime", "rds:RestoreDBClusterToPointInTime"],
                [$"{db}:*", $"{cluster}:*", $"arn:{partition}:rds:{region}:{account}:subgrp:*", $"arn:{partition}:rds:{region}:{account}:og:*",
                    $"arn:{partition}:rds:{region}:{account}:pg:*", $"arn:{partition}:rds:{region}:{account}:cluster-pg:*", $"arn:{partition}:rds:{region}:{account}:secgrp:*"]),
            // CreateDBInstance (the instance added to a restored Aurora cluster) and tagging are limited to the prefix:
            // AWS's own example "requires that the name of the new DB instance begin with test" through the resource
            // "arn:aws:rds:*:123456789012:db:test*" (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/security_iam_id-based-policy-examples-create-and-modify-examples.html).
            Allow("CreateAndTagRecoveryPrefixedDatabasesOnly", ["rds:CreateDBInstance", "rds:AddTagsToResource"],
                [$"{db}:{p}*", $"{cluster}:{p}*", $"arn:{partition}:rds:{region}:{account}:subgrp:*", $"arn:{partition}:rds:{region}:{account}:og:*",
                    $"arn:{partition}:rds:{region}:{account}:pg:*", $"arn:{partition}:rds:{region}:{account}:secgrp:*"]),
            // Drill mode sets a one-time master password on the restored copy before probing it (the drill flow's approach).
            Allow("ChangeAndDeleteRestoredDatabasesOnly", ["rds:DeleteDBInstance", "rds:DeleteDBCluster", "rds:ModifyDBInstance", "rds:ModifyDBCluster"], [$"{db}:{p}*", $"{cluster}:{p}*"]),
            Allow("RestoreBucketsThroughBackup", ["backup:StartRestoreJob", "backup:DescribeRestoreJob", "backup:ListRecoveryPointsByResource"], ["*"]),
            // The report names each restored bucket's last clean recovery point from its malware scans. Service
            // Authorization Reference for AWS Backup (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsbackup.html):
            // "ListScanJobs | Grants permission to list scan jobs | List" with no resource type, and "If there is no value
            // for this column, you must specify all resources ("*")".
            Allow("ReadMalwareScanResults", ["backup:ListScanJobs"], ["*"]),
            Allow("ReadAndDeleteRestoredBucketsOnly", ["s3:ListBucket", "s3:ListBucketVersions", "s3:GetObject", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:DeleteBucket"],
                [$"arn:{partition}:s3:::{p}*", $"arn:{partition}:s3:::{p}*/*"]),
            Allow("WriteRecoveryReports", ["s3:PutObject"], [props.ReportBucket.ArnForObjects($"{RecoveryContract.ReportPrefix}*")]),
            Allow("UseReportKey", ["kms:GenerateDataKey", "kms:Decrypt"], [props.Key.KeyArn]),
            Allow("WriteOwnLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], [logGroup.LogGroupArn]),
        };
        if (props.Options.S3RestoreRole is { } s3Role)
        {
            statements.Add(Allow("PassS3RestoreRoleToBackup", ["iam:PassRole"], [s3Role.RoleArn],
                new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["iam:PassedToService"] = "backup.amazonaws.com" } }));
        }

        if (props.Network is not null)
        {
            statements.Add(LambdaStatements.ManageOwnNetworkInterfaces());
        }

        if (props.DatabaseSecrets.Count > 0)
        {
            statements.Add(Allow("ReadDatabaseCredentials", ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
                props.DatabaseSecrets.Select(s => s.SecretArn).Distinct().ToArray()));
        }

        // Whatever is granted elsewhere: nothing outside the recovery prefix can be changed or deleted. "If policies that
        // apply to a request include an Allow statement and a Deny statement, the Deny statement trumps the Allow
        // statement." (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html)
        statements.Add(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyChangingSources",
            Effect = Effect.DENY,
            Actions = [.. SourceProtectedActions],
            NotResources = restored,
        }));
        return [.. statements];
    }
}
