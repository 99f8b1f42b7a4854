using System.Globalization;
using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.DynamoDB;
using EcommerceBackupCdk.Compliance;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Validation;
using Constructs;

namespace EcommerceBackupCdk.Drills;

/// <summary>
/// Scheduled restore drills (DESIGN §6): an AWS Backup restore testing plan that restores the latest recovery point of
/// every tier-tagged resource into a throw-away copy, one selection per drilled tier and resource type, the validator
/// Lambda that proves the data came back (triggered by the plan's <c>Restore Job State Change</c> events), the drill
/// report bucket, and alarms on the validator's metrics: drill failed, RTO breached, recovery point too old, no drill
/// report. <see cref="DashboardWidgets"/> gives the RTO/RPO trend widgets.
/// </summary>
/// <remarks>
/// The validator's metrics carry the dimensions <c>Store</c> and <c>ResourceType</c> only, so alarms are per resource
/// type and hold every type to the strictest drilled tier's targets — the same tier the validator assumes for
/// resources without a per-resource setting (<c>DEFAULT_TIER</c>).
/// </remarks>
public sealed class RestoreDrill : Construct
{
    private static readonly string[] FinalStatuses = ["COMPLETED", "FAILED", "ABORTED"];
    private readonly List<CfnRestoreTestingSelection> _selections = [];
    private readonly List<IAlarm> _alarms = [];
    private readonly RestoreDrillProps _props;
    private readonly PhysicalNames _names;
    private readonly string _store;
    private readonly DrillOptions _options;
    private readonly BackupTargets _targets;

    /// <summary>Validates the props (all problems at once) and creates the drills.</summary>
    public RestoreDrill(Construct scope, string id, RestoreDrillProps props)
        : base(scope, ValidatedId(id, props))
    {
        _props = props;
        _names = new PhysicalNames(props.StoreName);
        _store = props.StoreName;
        _options = props.Options;
        _targets = props.Targets;
        var stack = Stack.Of(this);
        JudgingTier = TierNames.All.First(t => _options.Tiers.Contains(t));

        RestoreRole = new Role(this, "RestoreRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("backup.amazonaws.com"),
            Description = $"AWS Backup restore testing role of {_store}: creates the throw-away copies restore drills validate.",
            ManagedPolicies =
            [
                ManagedPolicy.FromAwsManagedPolicyName("service-role/AWSBackupServiceRolePolicyForRestores"),
                ManagedPolicy.FromAwsManagedPolicyName("AWSBackupServiceRolePolicyForS3Restore"),
            ],
        });
        NagSuppressions.Add(RestoreRole,
            ("AwsSolutions-IAM4", "AWS Backup's documented restore role policies (AWSBackupServiceRolePolicyForRestores, AWSBackupServiceRolePolicyForS3Restore) are the set AWS maintains for restoring every resource type a drill selects; the role is assumable only by backup.amazonaws.com."));

        Plan = new CfnRestoreTestingPlan(this, "Resource", new CfnRestoreTestingPlanProps
        {
            RestoreTestingPlanName = _names.RestoreTestingPlan,
            ScheduleExpression = _options.Schedule,
            ScheduleExpressionTimezone = _options.TimeZone,
            StartWindowHours = (int)_options.StartWindow.TotalHours,
            RecoveryPointSelection = new CfnRestoreTestingPlan.RestoreTestingRecoveryPointSelectionProperty
            {
                Algorithm = "LATEST_WITHIN_WINDOW",
                IncludeVaults = [props.Vault.BackupVaultArn],
                RecoveryPointTypes = ["SNAPSHOT", "CONTINUOUS"],
                SelectionWindowDays = _options.SelectionWindowDays,
            },
        });

        foreach (var tier in TierNames.All.Where(_options.Tiers.Contains))
        {
            foreach (var type in DrillResourceTypes.All.Where(_options.ResourceTypes.Contains))
            {
                var overrides = DrillMetadataOverrides.For(type, _options);
                var selection = new CfnRestoreTestingSelection(this, $"Selection{tier.Pascal()}{type}", new CfnRestoreTestingSelectionProps
                {
                    RestoreTestingPlanName = Plan.RestoreTestingPlanName,
                    RestoreTestingSelectionName = _names.RestoreTestingSelection(tier, type),
                    ProtectedResourceType = type.ProtectedResourceType(),
                    IamRoleArn = RestoreRole.RoleArn,
                    ProtectedResourceArns = ["*"],
                    ProtectedResourceConditions = new CfnRestoreTestingSelection.ProtectedResourceConditionsProperty
                    {
                        StringEquals = new object[]
                        {
                            new CfnRestoreTestingSelection.KeyValueProperty { Key = $"aws:ResourceTag/{TagContract.TierKey}", Value = tier.TagValue() },
                        },
                    },
                    RestoreMetadataOverrides = overrides.Count == 0 ? null : overrides,
                    ValidationWindowHours = (int)_options.ValidationWindow.TotalHours,
                });
                selection.AddDependency(Plan);
                _selections.Add(selection);
            }
        }

        Key = new Key(this, "Key", new KeyProps
        {
            Alias = $"alias/{_names.DrillKeyAlias}",
            Description = $"Encrypts the drill reports, validator logs and dead letters of {_store}'s restore drills.",
            EnableKeyRotation = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
            PendingWindow = Duration.Days(30),
        });
        KmsGrantPolicy.LimitToAwsServices(Key);
        var functionName = _names.ValidatorFunction;
        LogGroupEncryption.Allow(Key, "AllowValidatorLogGroup", PhysicalNames.FunctionLogGroup(functionName));
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowEventBridgeDeadLetters",
            Principals = [new ServicePrincipal("events.amazonaws.com")],
            Actions = ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Aws.ACCOUNT_ID },
            },
        }));

        ReportBucket = DrillReportBucket.Create(this, "Reports", Key, _options.ReportRetention);

        DeadLetterQueue = new Queue(this, "DeadLetterQueue", new QueueProps
        {
            QueueName = _names.DrillDeadLetterQueue,
            Encryption = QueueEncryption.KMS,
            EncryptionMasterKey = Key,
            EnforceSSL = true,
            RetentionPeriod = Duration.Seconds(DrillDefaults.DeadLetterRetention.TotalSeconds),
            // Marks it as a dead-letter queue (CT.SQS.PR.1 exempts queues whose redrive allow policy is 'allowAll' or
            // 'byQueue'). ALLOW_ALL: "Any source queues in this AWS account in the same Region can specify this queue as
            // the dead-letter queue." (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_sqs.RedrivePermission.html)
            // Its senders are Lambda and EventBridge, not SQS redrive, so this changes who may send nothing.
            RedriveAllowPolicy = new RedriveAllowPolicy { RedrivePermission = RedrivePermission.ALLOW_ALL },
        });
        NagSuppressions.Add(DeadLetterQueue,
            ("AwsSolutions-SQS3", "This queue is itself the dead-letter queue of the validator's asynchronous invocations and of the EventBridge trigger; a dead-letter queue of a dead-letter queue would only move the same messages."));

        const string noReservation = "Reserved concurrency is opt-in (drills.reservedConcurrency): new accounts have a concurrency limit of 10 and Lambda keeps 100 unreserved, so reserving by default would fail the deploy (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html).";
        var validator = DotnetFunction.Create(this, new DotnetFunction.Spec
        {
            Id = "Validator",
            FunctionName = functionName,
            Description = $"Validates {_store}'s restore drills at the data level and records RTO/RPO (DESIGN §6).",
            RoleDescription = $"Restore drill validator of {_store}: reads the copies restore tests create, records results; changes no data.",
            PolicyDescription = $"Restore drill validator of {_store}: reads restored copies, records validation results and drill reports; denies every data change.",
            SecurityGroupDescription = $"Restore drill validator of {_store}: outbound to restored databases and AWS APIs only.",
            Handler = DrillValidatorContract.Handler,
            Code = _options.ValidatorCode ?? DrillCode.Default(),
            MemorySizeMb = DrillDefaults.MemorySizeMb,
            Timeout = DrillDefaults.FunctionTimeout,
            LogRetention = _options.LogRetention,
            Key = Key,
            Environment = Environment(),
            Statements = logGroup => DrillValidatorPolicy.Statements(stack, _options, ReportBucket, Key, DeadLetterQueue, logGroup),
            PolicySuppressions =
            [
                ("AwsSolutions-IAM5", "Wildcards are limited to what cannot be named at synth time: restored tables and buckets get random names under AWS Backup's 'awsbackup-restore-test' prefix; restored DB instances and clusters have no documented name, so RDS reads cover the account's instances/clusters and every RDS change is allowed only on resources tagged 'awsbackup-restore-test' (and denied on all others); backup:DescribeRestoreJob and backup:PutRestoreValidationResult support no resource-level permissions; report keys are dated; Lambda ENI actions need '*'; kms:Decrypt on the account's keys only through Secrets Manager for the configured secrets (encryption context SecretARN) and only through S3 (kms:ViaService) for restored objects, whose key is not known at synth time. Every write and delete of data is explicitly denied."),
            ],
            // https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html: reserved concurrency is opt-in
            // (drills.reservedConcurrency); reserving by default would fail the deploy in a new account (README prerequisites).
            FunctionSuppressions = _options.ReservedConcurrency is null
                ? [("NIST.800.53.R5-LambdaConcurrency", noReservation), ("HIPAA.Security-LambdaConcurrency", noReservation)]
                : [],
            NoNetworkReason = "No validator network is configured (drills.network): the validator then only calls AWS APIs over TLS and cannot reach private databases; configure a VPC to run SQL probes.",
            ImportedNetworkReason = "The validator is in a customer-managed VPC (drills.network) whose subnets another stack exports: they reach this template as Fn::ImportValue, which the static check cannot resolve; a Control Tower hook sees the resolved subnet ids.",
            Network = _options.Network,
            // Off by default: a new account's concurrency quota is 10 and Lambda keeps 100 unreserved (README prerequisites).
            ReservedConcurrentExecutions = _options.ReservedConcurrency,
            DeadLetterQueue = DeadLetterQueue,
            RetryAttempts = DrillDefaults.AsyncRetryAttempts,
            MaxEventAge = DrillDefaults.MaxEventAge,
        });
        ValidatorRole = validator.Role;
        ValidatorPolicy = validator.Policy;
        Validator = validator.Function;

        Flow = CreateFlow(stack);
        var trigger = new Rule(this, "Trigger", new RuleProps
        {
            Description = $"Starts the restore drill flow of {_store} (one execution per restore job) when a restore job of its restore testing plan ends.",
            EventPattern = EventPattern(Plan.AttrRestoreTestingPlanArn),
        });
        trigger.AddTarget(new SfnStateMachine(Flow, new SfnStateMachineProps
        {
            DeadLetterQueue = DeadLetterQueue,
            RetryAttempts = DrillDefaults.RuleRetryAttempts,
            MaxEventAge = Duration.Seconds(DrillDefaults.MaxEventAge.TotalSeconds),
        }));

        // The target's role is the one CDK's SfnStateMachine target creates ("EventsRole" under the state machine) with
        // its grant as an inline default policy.
        if (Flow.Node.TryFindChild("EventsRole")?.Node.TryFindChild("DefaultPolicy") is { } eventsPolicy)
        {
            const string eventsInline = "CDK's EventBridge-to-Step Functions target writes its one grant (states:StartExecution on this drill flow only) as the default inline policy of the role it creates for the rule; the policy is scoped to one state machine and belongs to that role alone.";
            NagSuppressions.Add(eventsPolicy,
                ("NIST.800.53.R5-IAMNoInlinePolicy", eventsInline),
                ("HIPAA.Security-IAMNoInlinePolicy", eventsInline),
                ("PCI.DSS.321-IAMNoInlinePolicy", eventsInline));
        }

        Trigger = trigger;
        _alarms.AddRange(DrillAlarms.Create(this, props, JudgingTier, DeadLetterQueue));

        if (_options.ResourceTypes.Any(t => t.IsDatabase()) && (_options.Network is null || _options.DbSubnetGroupName is null || _options.DbSecurityGroupIds.Count == 0))
        {
            Annotations.Of(this).AddWarningV2("ecommerce-backup:drills-database-probes",
                "RDS/Aurora drills are enabled without drills.network, drills.dbSubnetGroupName and drills.dbSecurityGroupIds: restored databases go to the default VPC (the restore fails where there is none) and the validator cannot reach them, so their drills are reported NOT VALIDATED AT DATA LEVEL. Configure all three: the validator's VPC, and a DB subnet group and a security group in it that admits the validator on the database port.");
        }
    }

    private StateMachine CreateFlow(Stack stack)
    {
        var flowName = _names.DrillFlow;
        var locks = new Table(this, "FlowLocks", new TableProps
        {
            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "restoreJobId", Type = AttributeType.STRING },
            BillingMode = BillingMode.PAY_PER_REQUEST,
            Encryption = TableEncryption.CUSTOMER_MANAGED,
            EncryptionKey = Key,
            TimeToLiveAttribute = "expiresAt",
            PointInTimeRecovery = true,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        FlowLocks = locks;
        // The lock table holds only "this restore job is being validated" markers that expire; it is no store data.
        Amazon.CDK.Tags.Of(locks).Add(TagContract.ExcludeKey, TagContract.ExcludeValue);
        Amazon.CDK.Tags.Of(locks).Add(TagContract.ExclusionReasonKey, "restore drill flow locks: per-job markers with a TTL, no store data");
        const string locksNotBackedUp = "The drill flow's lock table holds only per-restore-job markers that expire after 30 days (TTL); it is excluded from the backup tiers by tag, and losing it at worst lets a duplicate event validate a job again.";
        NagSuppressions.Add(locks,
            ("NIST.800.53.R5-DynamoDBInBackupPlan", locksNotBackedUp),
            ("HIPAA.Security-DynamoDBInBackupPlan", locksNotBackedUp),
            ("PCI.DSS.321-DynamoDBInBackupPlan", locksNotBackedUp));

        var logGroupName = PhysicalNames.StateMachineLogGroup(flowName);
        LogGroupEncryption.Allow(Key, "AllowDrillFlowLogGroup", logGroupName);
        var logs = new LogGroup(this, "FlowLogs", new Amazon.CDK.AWS.Logs.LogGroupProps
        {
            LogGroupName = logGroupName,
            Retention = _options.LogRetention,
            EncryptionKey = Key,
            // Named: kept on delete but not when its first deploy rolls back, or every retry fails on the taken name
            // (service rule NamedResourceRetainExceptOnCreate).
            RemovalPolicy = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
        });

        var role = new Role(this, "FlowRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("states.amazonaws.com"),
            Description = $"Restore drill flow of {_store}: invokes the validator and takes the per-restore-job lock; changes nothing else.",
        });
        var policy = new ManagedPolicy(this, "FlowPolicy", new ManagedPolicyProps
        {
            Description = $"Restore drill flow of {_store}: invokes the validator, writes lock items, writes its own logs and traces.",
            Roles = [role],
            Statements =
            [
                new PolicyStatement(new PolicyStatementProps { Sid = "InvokeValidator", Actions = ["lambda:InvokeFunction"], Resources = [Validator.FunctionArn, $"{Validator.FunctionArn}:*"] }),
                new PolicyStatement(new PolicyStatementProps { Sid = "TakeRestoreJobLocks", Actions = ["dynamodb:PutItem"], Resources = [locks.TableArn] }),
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "UseLockTableKey",
                    Actions = ["kms:Decrypt", "kms:GenerateDataKey"],
                    Resources = [Key.KeyArn],
                    Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"dynamodb.{stack.Region}.amazonaws.com" } },
                }),
                // Step Functions' log delivery and X-Ray need these on "*" (they support no resource-level permissions).
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "DeliverLogs",
                    Actions = ["logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
                        "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"],
                    Resources = ["*"],
                }),
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "WriteTraces",
                    Actions = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
                    Resources = ["*"],
                }),
            ],
        });
        NagSuppressions.Add(policy,
            ("AwsSolutions-IAM5", "Wildcards: the validator's versions ('<arn>:*', Step Functions' documented invoke resource), and CloudWatch Logs delivery and X-Ray actions, which support no resource-level permissions (Step Functions developer guide, 'IAM policies for logging to CloudWatch Logs' and 'for AWS X-Ray')."));

        var flow = new StateMachine(this, "Flow", new StateMachineProps
        {
            StateMachineName = flowName,
            DefinitionBody = DefinitionBody.FromString(DrillFlowDefinition.Build(Validator.FunctionArn, locks.TableName)),
            Role = role.WithoutPolicyUpdates(),
            StateMachineType = StateMachineType.STANDARD,
            TracingEnabled = true,
            Logs = new LogOptions { Destination = logs, Level = LogLevel.ALL, IncludeExecutionData = false },
            // The longest path: the validation window (168 h at most) plus the record step's retries.
            Timeout = Duration.Hours(Math.Max(1, _options.ValidationWindow.TotalHours) + 2),
        });
        // CDK makes the state machine depend on its role, which it already references by GetAtt (cfn-lint W3005); it
        // must depend on the policy that grants the permissions. The one override of the state machine's resource.
        ((CfnStateMachine)flow.Node.DefaultChild!).AddOverride("DependsOn", new[] { ((CfnManagedPolicy)policy.Node.DefaultChild!).LogicalId });
        return flow;
    }

    // Runs before the construct joins the tree, so invalid props leave nothing behind.
    private static string ValidatedId(string id, RestoreDrillProps props)
    {
        ArgumentNullException.ThrowIfNull(props);
        DrillOptionsValidator.ThrowIfInvalid(props);
        return id;
    }

    /// <summary>The restore testing plan.</summary>
    public CfnRestoreTestingPlan Plan { get; }

    /// <summary>
    /// What this drill restores, as the posture report shows it: each drilled tier with the CloudFormation types of the
    /// drilled resource types (<see cref="DrillOptions.Tiers"/> × <see cref="DrillOptions.ResourceTypes"/>).
    /// </summary>
    public IReadOnlyDictionary<TierName, IReadOnlyList<string>> Coverage =>
        TierNames.All.Where(_options.Tiers.Contains).ToDictionary(t => t, _ => (IReadOnlyList<string>)[.. _options.ResourceTypes.SelectMany(r => r.CloudFormationTypes())]);

    /// <summary>One selection per drilled tier and resource type.</summary>
    public IReadOnlyList<CfnRestoreTestingSelection> Selections => _selections;

    /// <summary>The role AWS Backup restores with.</summary>
    public IRole RestoreRole { get; }

    /// <summary>The validator.</summary>
    public IFunction Validator { get; }

    /// <summary>The drill flow: one execution per restore job (DESIGN §6).</summary>
    public StateMachine Flow { get; private set; } = null!;

    /// <summary>The per-restore-job lock table of the drill flow (one verdict under duplicate events).</summary>
    public ITable FlowLocks { get; private set; } = null!;

    /// <summary>The drill flow's state machine name for a store.</summary>
    public static string FlowName(string storeName) => new PhysicalNames(storeName).DrillFlow;

    /// <summary>The validator's role.</summary>
    public IRole ValidatorRole { get; }

    /// <summary>The one policy of the validator's role.</summary>
    public IManagedPolicy ValidatorPolicy { get; }

    /// <summary>The validator's environment (targets, probes, secrets); store recovery judges restored resources with it.</summary>
    public IReadOnlyDictionary<string, string> ValidatorEnvironment => Environment();

    /// <summary>The drill report bucket.</summary>
    public IBucket ReportBucket { get; }

    /// <summary>The key of the report bucket, validator logs and dead-letter queue.</summary>
    public IKey Key { get; }

    /// <summary>Where events go that could not be validated.</summary>
    public IQueue DeadLetterQueue { get; }

    /// <summary>The EventBridge rule that invokes the validator.</summary>
    public IRule Trigger { get; }

    /// <summary>The drill alarms.</summary>
    public IReadOnlyList<IAlarm> Alarms => _alarms;

    /// <summary>The tier drills are judged by when no per-resource setting says otherwise: the strictest drilled tier.</summary>
    public TierName JudgingTier { get; }

    /// <summary>The validator function's name for a store (runbooks name it).</summary>
    public static string ValidatorFunctionName(string storeName) => new PhysicalNames(storeName).ValidatorFunction;

    /// <summary>The restore testing plan's name for a store (AWS allows only letters, digits and '_').</summary>
    public static string PlanName(string storeName) => new PhysicalNames(storeName).RestoreTestingPlan;

    /// <summary>
    /// The oldest a recovery point may be when a drill restores it, if every backup of the tier ran: the gap of the
    /// tier's most frequent rule plus that rule's start and completion windows (a backup may start that late and the
    /// drill only picks completed recovery points), and never less than the RPO. The RPO itself cannot be the limit:
    /// the <c>critical</c> tier meets its 5-minute RPO with continuous backup while its newest snapshot is up to an
    /// hour old.
    /// </summary>
    public static TimeSpan RecoveryPointAgeLimit(TierTargets targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var rule = targets.Rules
            .Select(r => (Rule: r, Interval: CronSchedule.TryParse(r.Schedule, out var c) ? c.WorstCaseInterval : TimeSpan.MaxValue))
            .OrderBy(x => x.Interval)
            .First();
        var limit = rule.Interval + rule.Rule.StartWindow + rule.Rule.CompletionWindow;
        return limit > targets.Rpo ? limit : targets.Rpo;
    }

    /// <summary>
    /// The event pattern of the trigger: final states (COMPLETED, FAILED, ABORTED) of restore jobs whose
    /// <c>detail.restoreTestingPlanArn</c> is <paramref name="planArn"/>.
    /// </summary>
    public static EventPattern EventPattern(string planArn) => new()
    {
        Source = ["aws.backup"],
        DetailType = ["Restore Job State Change"],
        Detail = new Dictionary<string, object>
        {
            ["status"] = FinalStatuses,
            ["restoreTestingPlanArn"] = new[] { planArn },
        },
    };

    /// <summary>
    /// Dashboard widgets for the drill trends: restore duration against the RTO, recovery point age and data
    /// freshness against the RPO, drill success, and the drill alarms. Place them on any dashboard.
    /// </summary>
    public IWidget[] DashboardWidgets() => DrillDashboard.Widgets(_props, JudgingTier, _alarms);

    /// <summary>Actions the validator role is explicitly denied on every resource.</summary>
    public static IReadOnlyList<string> DestructiveActionList => DrillValidatorPolicy.DestructiveActions;

    private Dictionary<string, string> Environment()
    {
        var env = new Dictionary<string, string>
        {
            // EMF lines must reach CloudWatch Logs unprefixed (see DrillValidatorContract.UnformattedLogFormat).
            [DrillVariables.HandlerLogFormat] = DrillVariables.UnformattedLogFormat,
            [DrillVariables.StoreName] = _store,
            [DrillVariables.ReportBucket] = ReportBucket.BucketName,
            [DrillVariables.RestoreTestingPlanArns] = Plan.AttrRestoreTestingPlanArn,
            [DrillVariables.DefaultTier] = JudgingTier.TagValue(),
            [DrillVariables.TierTargets] = TierTargetsJson(),
            [DrillVariables.DynamoDbTimestampAttribute] = _options.FreshnessAttribute,
            [DrillVariables.MinimumRecordCount] = _options.MinimumRecordCount.ToString(CultureInfo.InvariantCulture),
            [DrillVariables.SqlPreset] = _options.SqlPreset,
            [DrillVariables.ValidationTimeoutSeconds] = ((int)DrillDefaults.ValidationTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            [DrillVariables.ValidationWindowHours] = ((int)_options.ValidationWindow.TotalHours).ToString(CultureInfo.InvariantCulture),
        };
        Set(env, DrillVariables.SqlCustomQuery, _options.SqlCustomQuery);
        Set(env, DrillVariables.SqlTablePrefix, _options.SqlTablePrefix);
        Set(env, DrillVariables.SqlDatabase, _options.SqlDatabase);
        Set(env, DrillVariables.DbSecretArn, _options.DatabaseSecret?.SecretArn);
        if (_options.Resources.Count > 0)
        {
            env[DrillVariables.ResourceSettings] = ResourceSettingsJson();
        }

        return env;
    }

    private static void Set(Dictionary<string, string> env, string name, string? value)
    {
        if (value is not null)
        {
            env[name] = value;
        }
    }

    private string TierTargetsJson()
    {
        var tiers = new Dictionary<string, Dictionary<string, long>>();
        foreach (var (tier, t) in _targets.Each())
        {
            var entry = new Dictionary<string, long>
            {
                [TierTargetFields.RpoSeconds] = (long)t.Rpo.TotalSeconds,
                [TierTargetFields.RtoSeconds] = (long)t.Rto.TotalSeconds,
            };
            if (_options.MaxDataFreshness is { } freshness)
            {
                // The option only ever loosens the check: a tier whose RPO is longer keeps its RPO.
                entry[TierTargetFields.MaxDataFreshnessSeconds] = (long)(freshness > t.Rpo ? freshness : t.Rpo).TotalSeconds;
            }

            tiers[tier.TagValue()] = entry;
        }

        return JsonSerializer.Serialize(tiers);
    }

    // Secret ARNs may be tokens: Stack.ToJsonString renders them so CloudFormation resolves them inside the JSON
    // (aws-cdk-lib Stack.toJsonString: "Convert an object, potentially containing tokens, to a JSON string",
    // core/lib/stack.d.ts). The round-trip test parses the rendered value with the validator's reader.
    private string ResourceSettingsJson()
    {
        var items = _options.Resources.Select(r =>
        {
            var fields = new Dictionary<string, object> { [ResourceSettingFields.SourceArn] = r.SourceArn };
            Set(fields, ResourceSettingFields.Tier, r.Tier?.TagValue());
            Set(fields, ResourceSettingFields.TimestampAttribute, r.FreshnessAttribute);
            Set(fields, ResourceSettingFields.SqlPreset, r.SqlPreset);
            Set(fields, ResourceSettingFields.SqlCustomQuery, r.SqlCustomQuery);
            Set(fields, ResourceSettingFields.SqlTablePrefix, r.SqlTablePrefix);
            Set(fields, ResourceSettingFields.Database, r.SqlDatabase);
            Set(fields, ResourceSettingFields.SecretArn, r.DatabaseSecret?.SecretArn);
            if (r.MinimumRecordCount is { } minimum)
            {
                fields[ResourceSettingFields.MinimumRecordCount] = minimum;
            }

            return fields;
        }).ToArray();
        return Stack.Of(this).ToJsonString(items);
    }

    private static void Set(Dictionary<string, object> fields, string name, string? value)
    {
        if (value is not null)
        {
            fields[name] = value;
        }
    }

    /// <summary>
    /// Days the no-report alarm looks back: the time between drills plus one day, at most 7 (CloudWatch evaluates at
    /// most 7 days). With a weekly schedule the 7 one-day periods end with the drill day, so a drill that does not
    /// report alarms the day after it was due.
    /// </summary>
    public static int NoReportEvaluationDays(string schedule)
    {
        var interval = CronSchedule.TryParse(schedule, out var parsed) ? parsed.WorstCaseInterval : TimeSpan.FromDays(7);
        return Math.Min(7, (int)Math.Ceiling(interval.TotalDays) + 1);
    }


}
