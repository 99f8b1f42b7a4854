using System.Globalization;
using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.EC2;
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
using EcommerceBackupCdk.Validation;
using Constructs;
using LambdaFunction = Amazon.CDK.AWS.Lambda.Function;

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
    private readonly string _store;
    private readonly DrillOptions _options;
    private readonly BackupTargets _targets;

    /// <summary>Validates the props (all problems at once) and creates the drills.</summary>
    public RestoreDrill(Construct scope, string id, RestoreDrillProps props)
        : base(scope, ValidatedId(id, props))
    {
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
            RestoreTestingPlanName = DrillOptionsValidator.PlanName(_store),
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
                    RestoreTestingSelectionName = DrillOptionsValidator.SelectionName(_store, tier, type),
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
            Alias = $"alias/{_store}-restore-drills",
            Description = $"Encrypts the drill reports, validator logs and dead letters of {_store}'s restore drills.",
            EnableKeyRotation = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
            PendingWindow = Duration.Days(30),
        });
        KmsGrantPolicy.LimitToAwsServices(Key);
        var functionName = ValidatorFunctionName(_store);
        var logGroupName = $"/aws/lambda/{functionName}";
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowValidatorLogGroup",
            Principals = [new ServicePrincipal($"logs.{Aws.REGION}.amazonaws.com")],
            Actions = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["ArnEquals"] = new Dictionary<string, object>
                {
                    ["kms:EncryptionContext:aws:logs:arn"] = $"arn:{Aws.PARTITION}:logs:{Aws.REGION}:{Aws.ACCOUNT_ID}:log-group:{logGroupName}",
                },
            },
        }));
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
            QueueName = $"{_store}-restore-drill-dead-letters",
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

        var logGroup = new LogGroup(this, "ValidatorLogs", new Amazon.CDK.AWS.Logs.LogGroupProps
        {
            LogGroupName = logGroupName,
            Retention = _options.LogRetention,
            EncryptionKey = Key,
            // Named: a rolled-back first deploy must not leave it behind (Rules/NamedResourceRetainExceptOnCreate).
            RemovalPolicy = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
        });

        var validatorRole = new Role(this, "ValidatorRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"Restore drill validator of {_store}: reads the copies restore tests create, records results; changes no data.",
        });
        // Every permission sits in one customer-managed policy (no inline policies); the function gets the role
        // without policy updates, so nothing CDK would add automatically slips in unseen.
        ValidatorRole = validatorRole;
        var validatorPolicy = new ManagedPolicy(this, "ValidatorPolicy", new ManagedPolicyProps
        {
            Description = $"Restore drill validator of {_store}: reads restored copies, records validation results and drill reports; denies every data change.",
            Statements = ValidatorStatements(stack, logGroup),
            Roles = [ValidatorRole],
        });
        ValidatorPolicy = validatorPolicy;
        NagSuppressions.Add(validatorPolicy,
            ("AwsSolutions-IAM5", "Wildcards are limited to what cannot be named at synth time: restored tables and buckets get random names under AWS Backup's 'awsbackup-restore-test' prefix; restored DB instances and clusters have no documented name, so RDS reads cover the account's instances/clusters and every RDS change is allowed only on resources tagged 'awsbackup-restore-test' (and denied on all others); backup:DescribeRestoreJob and backup:PutRestoreValidationResult support no resource-level permissions; report keys are dated; Lambda ENI actions need '*'; kms:Decrypt on the account's keys only through Secrets Manager for the configured secrets (encryption context SecretARN) and only through S3 (kms:ViaService) for restored objects, whose key is not known at synth time. Every write and delete of data is explicitly denied."));

        SecurityGroup[] ownGroups = [];
        if (_options.Network is { } network && network.SecurityGroups.Count == 0)
        {
            ownGroups =
            [
                new SecurityGroup(this, "ValidatorSecurityGroup", new SecurityGroupProps
                {
                    Vpc = network.Vpc,
                    Description = $"Restore drill validator of {_store}: outbound to restored databases and AWS APIs only.",
                    AllowAllOutbound = true,
                }),
            ];
        }

        Validator = new LambdaFunction(this, "Validator", new FunctionProps
        {
            FunctionName = functionName,
            Description = $"Validates {_store}'s restore drills at the data level and records RTO/RPO (DESIGN §6).",
            Runtime = new Runtime(DrillValidatorContract.RuntimeName, RuntimeFamily.DOTNET_CORE),
            Architecture = Architecture.ARM_64,
            Handler = DrillValidatorContract.Handler,
            Code = _options.ValidatorCode ?? DrillCode.Default(),
            MemorySize = DrillDefaults.MemorySizeMb,
            Timeout = Duration.Seconds(DrillDefaults.FunctionTimeout.TotalSeconds),
            Role = validatorRole.WithoutPolicyUpdates(new WithoutPolicyUpdatesOptions { AddGrantsToResources = true }),
            LogGroup = logGroup,
            Environment = Environment(),
            // Off by default: a new account's concurrency quota is 10 and Lambda keeps 100 unreserved (README prerequisites).
            ReservedConcurrentExecutions = _options.ReservedConcurrency,
            DeadLetterQueue = DeadLetterQueue,
            RetryAttempts = DrillDefaults.AsyncRetryAttempts,
            MaxEventAge = Duration.Seconds(DrillDefaults.MaxEventAge.TotalSeconds),
            Vpc = _options.Network?.Vpc,
            VpcSubnets = _options.Network is null ? null : _options.Network.Subnets ?? new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
            SecurityGroups = _options.Network is null ? null : [.. _options.Network.SecurityGroups, .. ownGroups],
        });
        if (_options.ReservedConcurrency is null)
        {
            // https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html: reserved concurrency is opt-in
            // (drills.reservedConcurrency); reserving by default would fail the deploy in a new account (README prerequisites).
            const string noReservation = "Reserved concurrency is opt-in (drills.reservedConcurrency): new accounts have a concurrency limit of 10 and Lambda keeps 100 unreserved, so reserving by default would fail the deploy (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html).";
            NagSuppressions.Add(Validator,
                ("NIST.800.53.R5-LambdaConcurrency", noReservation),
                ("HIPAA.Security-LambdaConcurrency", noReservation));
        }

        if (_options.Network is { } imported && imported.Vpc.Stack != Amazon.CDK.Stack.Of(this))
        {
            // The guard rule accepts only literal subnet ids or Refs to AWS::EC2::Subnet in the same template
            // (node_modules/@cdklabs/cdk-validator-cfnguard/rules/control-tower/cfn-guard/lambda/ct-lambda-pr-3.guard:
            // "check_is_string_and_not_empty(this) or check_local_references(..., "AWS::EC2::Subnet")"); a VPC from
            // another stack arrives as Fn::ImportValue. The function is in that customer VPC.
            NagSuppressions.Add(Validator, (ControlTowerControls.LambdaInVpc,
                "The validator is in a customer-managed VPC (drills.network) whose subnets another stack exports: they reach this template as Fn::ImportValue, which the static check cannot resolve; a Control Tower hook sees the resolved subnet ids."));
        }

        if (_options.Network is null)
        {
            NagSuppressions.Add(Validator,
                ("NIST.800.53.R5-LambdaInsideVPC", "No validator network is configured (drills.network): the validator then only calls AWS APIs over TLS and cannot reach private databases; configure a VPC to run SQL probes."),
                ("HIPAA.Security-LambdaInsideVPC", "No validator network is configured (drills.network): the validator then only calls AWS APIs over TLS and cannot reach private databases; configure a VPC to run SQL probes."),
                ("PCI.DSS.321-LambdaInsideVPC", "No validator network is configured (drills.network): the validator then only calls AWS APIs over TLS and cannot reach private databases; configure a VPC to run SQL probes."));
            ControlTowerControls.FunctionOutsideVpc(Validator,
                "No validator network is configured (drills.network): the validator then only calls AWS APIs over TLS and cannot reach private databases; configure a VPC to run SQL probes.");
        }

        // CDK makes the function depend on its role; it must depend on the policy that grants the permissions (the
        // role is already referenced by GetAtt). This is the one override of the function's resource.
        ((CfnFunction)Validator.Node.DefaultChild!).AddOverride("DependsOn", new[] { ((CfnManagedPolicy)validatorPolicy.Node.DefaultChild!).LogicalId });

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
        CreateAlarms(props.AlarmTopic);

        if (_options.ResourceTypes.Any(t => t.IsDatabase()) && (_options.Network is null || _options.DbSubnetGroupName is null || _options.DbSecurityGroupIds.Count == 0))
        {
            Annotations.Of(this).AddWarningV2("ecommerce-backup:drills-database-probes",
                "RDS/Aurora drills are enabled without drills.network, drills.dbSubnetGroupName and drills.dbSecurityGroupIds: restored databases go to the default VPC (the restore fails where there is none) and the validator cannot reach them, so their drills are reported NOT VALIDATED AT DATA LEVEL. Configure all three: the validator's VPC, and a DB subnet group and a security group in it that admits the validator on the database port.");
        }
    }

    private StateMachine CreateFlow(Stack stack)
    {
        var flowName = FlowName(_store);
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

        var logGroupName = $"/aws/vendedlogs/states/{flowName}";
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowDrillFlowLogGroup",
            Principals = [new ServicePrincipal($"logs.{Aws.REGION}.amazonaws.com")],
            Actions = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["ArnEquals"] = new Dictionary<string, object>
                {
                    ["kms:EncryptionContext:aws:logs:arn"] = $"arn:{Aws.PARTITION}:logs:{Aws.REGION}:{Aws.ACCOUNT_ID}:log-group:{logGroupName}",
                },
            },
        }));
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
    public static string FlowName(string storeName) => $"{storeName}-restore-drill-flow";

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
    public static string ValidatorFunctionName(string storeName) => $"{storeName}-restore-drill-validator";

    /// <summary>The restore testing plan's name for a store (AWS allows only letters, digits and '_').</summary>
    public static string PlanName(string storeName) => DrillOptionsValidator.PlanName(storeName);

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
    public IWidget[] DashboardWidgets()
    {
        var types = DrillResourceTypes.All.Where(_options.ResourceTypes.Contains).ToList();
        var day = Duration.Days(1);
        var targets = _targets[JudgingTier];
        var tierText = JudgingTier.TagValue();
        return
        [
            new GraphWidget(new GraphWidgetProps
            {
                Title = $"Restore drills: restore duration vs {tierText} RTO",
                Width = 12,
                Left = types.Select(t => (IMetric)Metric(DrillValidatorContract.RestoreDurationSeconds, t, Stats.MAXIMUM, day)).ToArray(),
                LeftAnnotations = [new HorizontalAnnotation { Value = targets.Rto.TotalSeconds, Label = $"{tierText} RTO {DurationText.Format(targets.Rto)}", Color = Color.RED }],
                LeftYAxis = new YAxisProps { Label = "seconds", ShowUnits = false, Min = 0 },
            }),
            new GraphWidget(new GraphWidgetProps
            {
                Title = $"Restore drills: data freshness (measured RPO) and recovery point age vs {tierText} targets",
                Width = 12,
                Left = types.Select(t => (IMetric)Metric(DrillValidatorContract.DataFreshnessSeconds, t, Stats.MAXIMUM, day)).ToArray(),
                Right = types.Select(t => (IMetric)Metric(DrillValidatorContract.RecoveryPointAgeSeconds, t, Stats.MAXIMUM, day)).ToArray(),
                LeftAnnotations = [new HorizontalAnnotation { Value = (_options.MaxDataFreshness ?? targets.Rpo).TotalSeconds, Label = $"{tierText} RPO {DurationText.Format(targets.Rpo)}", Color = Color.RED }],
                RightAnnotations = [new HorizontalAnnotation { Value = RecoveryPointAgeLimit(targets).TotalSeconds, Label = $"recovery point age limit {DurationText.Format(RecoveryPointAgeLimit(targets))}", Color = Color.ORANGE }],
                LeftYAxis = new YAxisProps { Label = "freshness, seconds", ShowUnits = false, Min = 0 },
                RightYAxis = new YAxisProps { Label = "recovery point age, seconds", ShowUnits = false, Min = 0 },
            }),
            new GraphWidget(new GraphWidgetProps
            {
                Title = "Restore drills: success (1) / failure (0)",
                Width = 12,
                Left = types.Select(t => (IMetric)Metric(DrillValidatorContract.Success, t, Stats.MINIMUM, day)).ToArray(),
                LeftYAxis = new YAxisProps { Min = 0, Max = 1, ShowUnits = false },
            }),
            new AlarmStatusWidget(new AlarmStatusWidgetProps
            {
                Title = "Restore drill alarms",
                Width = 12,
                Alarms = [.. _alarms],
            }),
        ];
    }

    private Dictionary<string, string> Environment()
    {
        var env = new Dictionary<string, string>
        {
            // EMF lines must reach CloudWatch Logs unprefixed (see DrillValidatorContract.UnformattedLogFormat).
            [DrillValidatorContract.HandlerLogFormatVariable] = DrillValidatorContract.UnformattedLogFormat,
            [DrillValidatorContract.Environment.StoreName] = _store,
            [DrillValidatorContract.Environment.ReportBucket] = ReportBucket.BucketName,
            [DrillValidatorContract.Environment.RestoreTestingPlanArns] = Plan.AttrRestoreTestingPlanArn,
            [DrillValidatorContract.Environment.DefaultTier] = JudgingTier.TagValue(),
            [DrillValidatorContract.Environment.TierTargets] = TierTargetsJson(),
            [DrillValidatorContract.Environment.DynamoDbTimestampAttribute] = _options.FreshnessAttribute,
            [DrillValidatorContract.Environment.MinimumRecordCount] = _options.MinimumRecordCount.ToString(CultureInfo.InvariantCulture),
            [DrillValidatorContract.Environment.SqlPreset] = _options.SqlPreset,
            [DrillValidatorContract.Environment.ValidationTimeoutSeconds] = ((int)DrillDefaults.ValidationTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            [DrillValidatorContract.Environment.ValidationWindowHours] = ((int)_options.ValidationWindow.TotalHours).ToString(CultureInfo.InvariantCulture),
        };
        Set(env, DrillValidatorContract.Environment.SqlCustomQuery, _options.SqlCustomQuery);
        Set(env, DrillValidatorContract.Environment.SqlTablePrefix, _options.SqlTablePrefix);
        Set(env, DrillValidatorContract.Environment.SqlDatabase, _options.SqlDatabase);
        Set(env, DrillValidatorContract.Environment.DbSecretArn, _options.DatabaseSecret?.SecretArn);
        if (_options.Resources.Count > 0)
        {
            env[DrillValidatorContract.Environment.ResourceSettings] = ResourceSettingsJson();
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
                ["rpoSeconds"] = (long)t.Rpo.TotalSeconds,
                ["rtoSeconds"] = (long)t.Rto.TotalSeconds,
            };
            if (_options.MaxDataFreshness is { } freshness)
            {
                // The option only ever loosens the check: a tier whose RPO is longer keeps its RPO.
                entry["maxDataFreshnessSeconds"] = (long)(freshness > t.Rpo ? freshness : t.Rpo).TotalSeconds;
            }

            tiers[tier.TagValue()] = entry;
        }

        return JsonSerializer.Serialize(tiers);
    }

    // Secret ARNs may be tokens; the JSON is assembled as a string so CloudFormation resolves them in place.
    private string ResourceSettingsJson()
    {
        var items = _options.Resources.Select(r =>
        {
            var fields = new List<string> { Field("sourceArn", r.SourceArn) };
            if (r.Tier is { } tier)
            {
                fields.Add(Field("tier", tier.TagValue()));
            }

            AddField(fields, "timestampAttribute", r.FreshnessAttribute);
            AddField(fields, "sqlPreset", r.SqlPreset);
            AddField(fields, "sqlCustomQuery", r.SqlCustomQuery);
            AddField(fields, "sqlTablePrefix", r.SqlTablePrefix);
            AddField(fields, "database", r.SqlDatabase);
            AddField(fields, "secretArn", r.DatabaseSecret?.SecretArn);
            if (r.MinimumRecordCount is { } minimum)
            {
                fields.Add($"\"minimumRecordCount\":{minimum.ToString(CultureInfo.InvariantCulture)}");
            }

            return "{" + string.Join(",", fields) + "}";
        });
        return "[" + string.Join(",", items) + "]";
    }

    private static void AddField(List<string> fields, string name, string? value)
    {
        if (value is not null)
        {
            fields.Add(Field(name, value));
        }
    }

    private static string Field(string name, string value) =>
        $"\"{name}\":" + (Token.IsUnresolved(value) ? $"\"{value}\"" : JsonSerializer.Serialize(value));

    private PolicyStatement[] ValidatorStatements(Stack stack, LogGroup logGroup)
    {
        var prefix = DrillValidatorContract.RestoredResourcePrefix;
        var partition = stack.Partition;
        var region = stack.Region;
        var account = stack.Account;
        var reports = ReportBucket.ArnForObjects($"{DrillValidatorContract.ReportPrefix}*");
        // The drill flow's temporary Aurora instances: "<restored cluster>-drill" (TemporaryInstance.IdentifierFor).
        var temporaryInstances = $"arn:{partition}:rds:{region}:{account}:db:*{DrillValidatorContract.TemporaryInstanceSuffix}";
        PolicyStatement Allow(string sid, string[] actions, string[] resources, Dictionary<string, object>? conditions = null) => new(new PolicyStatementProps
        {
            Sid = sid,
            Effect = Effect.ALLOW,
            Actions = actions,
            Resources = resources,
            Conditions = conditions,
        });

        var statements = new List<PolicyStatement>
        {
            Allow("ReadRestoreJobsRecordValidation", ["backup:DescribeRestoreJob", "backup:PutRestoreValidationResult"], ["*"]),
            Allow("ReadRestoredTables", ["dynamodb:DescribeTable", "dynamodb:Scan"], [$"arn:{partition}:dynamodb:{region}:{account}:table/{prefix}*"]),
            Allow("ListRestoredBuckets", ["s3:ListBucket"], [$"arn:{partition}:s3:::{prefix}*"]),
            Allow("ReadRestoredObjects", ["s3:GetObject"], [$"arn:{partition}:s3:::{prefix}*/*"]),
            // Restored RDS/Aurora copies are not named by a documented prefix; they carry the awsbackup-restore-test tag
            // (AWSServiceRolePolicyForBackupRestoreTesting deletes rds clusters/instances only where
            // "Null": {"aws:ResourceTag/awsbackup-restore-test": "false"}). Reads are allowed on any instance/cluster of
            // the account and region; every change is allowed only on tagged ones (and denied on all others below).
            Allow("DescribeDatabases", ["rds:DescribeDBInstances", "rds:DescribeDBClusters"],
                [$"arn:{partition}:rds:{region}:{account}:db:*", $"arn:{partition}:rds:{region}:{account}:cluster:*"]),
            Allow("ListOrderableInstanceClasses", ["rds:DescribeOrderableDBInstanceOptions"], ["*"]),
            Allow("ChangeOnlyRestoredDatabases", ["rds:ModifyDBCluster", "rds:ModifyDBInstance", "rds:DeleteDBInstance"],
                [$"arn:{partition}:rds:{region}:{account}:db:*", $"arn:{partition}:rds:{region}:{account}:cluster:*"], RestoreTestTag("aws:ResourceTag", present: true)),
            Allow("AddInstancesOnlyToRestoredClusters", ["rds:CreateDBInstance"], [$"arn:{partition}:rds:{region}:{account}:cluster:*"], RestoreTestTag("aws:ResourceTag", present: true)),
            Allow("CreateOnlyTaggedTemporaryInstances", ["rds:CreateDBInstance", "rds:AddTagsToResource"], [temporaryInstances], RestoreTestTag("aws:RequestTag", present: true)),
            Allow("UseGroupsOfTemporaryInstances", ["rds:CreateDBInstance"],
                [$"arn:{partition}:rds:{region}:{account}:subgrp:*", $"arn:{partition}:rds:{region}:{account}:pg:*", $"arn:{partition}:rds:{region}:{account}:og:*", $"arn:{partition}:rds:{region}:{account}:secgrp:*"]),
            Allow("WriteDrillReports", ["s3:PutObject"], [reports]),
            Allow("UseDrillKey", ["kms:GenerateDataKey", "kms:Decrypt"], [Key.KeyArn]),
            Allow("WriteOwnLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], [logGroup.LogGroupArn]),
            Allow("DeadLetterUndeliverableEvents", ["sqs:SendMessage"], [DeadLetterQueue.QueueArn]),
        };

        if (_options.Network is not null)
        {
            statements.Add(Allow("ManageOwnNetworkInterfaces",
                ["ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface",
                    "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"], ["*"]));
        }

        var secrets = new[] { _options.DatabaseSecret }.Concat(_options.Resources.Select(r => r.DatabaseSecret))
            .OfType<Amazon.CDK.AWS.SecretsManager.ISecret>().Distinct().ToList();
        if (secrets.Count > 0)
        {
            statements.Add(Allow("ReadDatabaseCredentials", ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
                secrets.Select(s => s.SecretArn).ToArray()));
            // GetSecretValue makes Secrets Manager decrypt the secret's data key with the caller's permissions: "To decrypt
            // an encrypted secret value, Secrets Manager calls the AWS KMS Decrypt operation to decrypt the encrypted data
            // key in the secret" (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html), and
            // the caller needs "kms:Decrypt - required only if you use a customer-created KMS key to encrypt the secret"
            // (GetSecretValue minimum permissions, AWS API reference as mirrored at
            // https://hackage.haskell.org/package/amazonka-secretsmanager-1.6.1/docs/Network-AWS-SecretsManager-GetSecretValue.html).
            var keys = secrets.Select(s => s.EncryptionKey).OfType<IKey>().Distinct().ToList();
            if (keys.Count > 0)
            {
                statements.Add(Allow("DecryptDatabaseCredentials", ["kms:Decrypt"], keys.Select(k => k.KeyArn).ToArray(),
                    new Dictionary<string, object>
                    {
                        ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"secretsmanager.{region}.amazonaws.com" },
                    }));
            }

            // A secret imported by ARN carries no key, and its key may be a customer-managed one: the grant is derived
            // from the secret instead of the key, the way AWS's own AWSSecretsManagerClientReadOnlyAccess policy grants
            // it ("kms:Decrypt" on "arn:aws:kms:*:*:key/*" with "kms:EncryptionContext:SecretARN" and "kms:ViaService":
            // "secretsmanager.*.amazonaws.com",
            // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSSecretsManagerClientReadOnlyAccess.html):
            // any key of the account, but only to decrypt these secrets through Secrets Manager. The key's own policy
            // must still let the account's IAM policies use it (README, drill prerequisites).
            var withoutKey = secrets.Where(s => s.EncryptionKey is null).ToList();
            if (withoutKey.Count > 0)
            {
                statements.Add(Allow("DecryptImportedDatabaseCredentials", ["kms:Decrypt"], [$"arn:{partition}:kms:{region}:{account}:key/*"],
                    new Dictionary<string, object>
                    {
                        ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"secretsmanager.{region}.amazonaws.com" },
                        ["StringLike"] = new Dictionary<string, object>
                        {
                            ["kms:EncryptionContext:SecretARN"] = withoutKey.Select(SecretArnPattern).Distinct().ToArray(),
                        },
                    }));
            }
        }

        if (_options.ResourceTypes.Contains(DrillResourceType.S3))
        {
            // Restored objects may stay under a customer-managed key, and AWS Backup does not document which key a
            // restore into a new bucket uses (S3 backups are encrypted "independently" with the vault's key, "Your IAM
            // role must have access to the KMS key being used to back up and restore the object",
            // https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html). Reading an SSE-KMS object needs
            // kms:Decrypt on its key, so the validator may decrypt with any key of the account, but only through S3
            // (kms:ViaService, https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html) — and S3
            // reads are allowed only on restored buckets (ReadRestoredObjects), so only restored objects are readable.
            statements.Add(Allow("DecryptRestoredObjects", ["kms:Decrypt"], [$"arn:{partition}:kms:{region}:{account}:key/*"],
                new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"s3.{region}.amazonaws.com" },
                }));
        }

        // Whatever is granted elsewhere, this role can change no database the drill did not restore. Creating the
        // temporary instance is the one change to a resource that does not exist yet, so it carries no resource tag:
        // CreateDBInstance and tagging are denied on untagged clusters (adding an instance to production) and on every
        // instance that is not named like a temporary one (tagging production to pass the tag condition), not on the
        // new instance itself (DenyUntaggedNewInstances demands its tag in the request).
        statements.Add(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyChangesToDatabasesNotRestored",
            Effect = Effect.DENY,
            Actions = ["rds:Delete*", "rds:Modify*", "rds:Stop*", "rds:Reboot*", "rds:Failover*", "rds:RemoveTagsFromResource"],
            Resources = [$"arn:{partition}:rds:{region}:{account}:db:*", $"arn:{partition}:rds:{region}:{account}:cluster:*"],
            Conditions = RestoreTestTag("aws:ResourceTag", present: false),
        }));
        statements.Add(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyInstancesInClustersNotRestored",
            Effect = Effect.DENY,
            Actions = ["rds:CreateDBInstance", "rds:AddTagsToResource"],
            Resources = [$"arn:{partition}:rds:{region}:{account}:cluster:*"],
            Conditions = RestoreTestTag("aws:ResourceTag", present: false),
        }));
        statements.Add(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyTaggingOtherInstances",
            Effect = Effect.DENY,
            Actions = ["rds:AddTagsToResource"],
            NotResources = [temporaryInstances, $"arn:{partition}:rds:{region}:{account}:cluster:*"],
            Conditions = RestoreTestTag("aws:ResourceTag", present: false),
        }));
        statements.Add(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyUntaggedNewInstances",
            Effect = Effect.DENY,
            Actions = ["rds:CreateDBInstance"],
            Resources = [$"arn:{partition}:rds:{region}:{account}:db:*"],
            Conditions = RestoreTestTag("aws:RequestTag", present: false),
        }));

        // Belt and braces: whatever is granted elsewhere, this role can never change or delete data.
        statements.Add(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyAnyDataChange",
            Effect = Effect.DENY,
            Actions = DestructiveActions,
            Resources = ["*"],
        }));
        statements.Add(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyWritesOutsideDrillReports",
            Effect = Effect.DENY,
            Actions = ["s3:PutObject*", "s3:RestoreObject", "s3:ReplicateObject"],
            NotResources = [reports],
        }));
        return [.. statements];
    }

    // The SecretARN encryption context holds the secret's complete ARN: "The ARN includes the name of the secret followed
    // by six random characters" (CreateSecret response, https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/secretsmanager/aws.sdk.kotlin.services.secretsmanager.model/-create-secret-response/arn.html);
    // a secret known only by a partial ARN matches through the "-??????" wildcard.
    private static string SecretArnPattern(Amazon.CDK.AWS.SecretsManager.ISecret secret) =>
        secret.SecretFullArn ?? $"{secret.SecretArn}-??????";

    // {"Null": {"<key>/awsbackup-restore-test": "false"}} when the tag must be present, "true" when absent.
    private static Dictionary<string, object> RestoreTestTag(string key, bool present) => new()
    {
        ["Null"] = new Dictionary<string, object> { [$"{key}/{DrillValidatorContract.RestoreTestTagKey}"] = present ? "false" : "true" },
    };

    /// <summary>Actions the validator role is explicitly denied on every resource.</summary>
    public static IReadOnlyList<string> DestructiveActionList => DestructiveActions;

    private static readonly string[] DestructiveActions =
    [
        "dynamodb:DeleteItem", "dynamodb:DeleteTable", "dynamodb:DeleteBackup", "dynamodb:PutItem", "dynamodb:UpdateItem",
        "dynamodb:BatchWriteItem", "dynamodb:PartiQLDelete", "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate",
        "dynamodb:UpdateTable", "dynamodb:UpdateContinuousBackups", "dynamodb:RestoreTable*",
        "s3:DeleteObject*", "s3:DeleteBucket*", "s3:PutBucket*", "s3:PutLifecycleConfiguration", "s3:PutObjectAcl",
        "s3:PutObjectRetention", "s3:PutObjectLegalHold", "s3:BypassGovernanceRetention",
        "rds:Restore*", "rds:CreateDBCluster*", "rds:CreateDBSnapshot", "rds:CreateDBInstanceReadReplica", "rds:CreateGlobalCluster",
        "rds:CreateBlueGreenDeployment", "rds:DeleteDBCluster*", "rds:DeleteDBSnapshot", "rds:DeleteGlobalCluster", "rds:ModifyDBSnapshot*",
        "rds:ModifyDBClusterSnapshotAttribute",
        "backup:Delete*", "backup:Update*", "backup:Start*", "backup:Stop*", "backup:PutBackupVault*",
        "backup:DisassociateRecoveryPoint*", "backup:CreateBackupVault*",
        "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecret*", "secretsmanager:DeleteSecret", "secretsmanager:RotateSecret",
        "kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:PutKeyPolicy",
    ];

    private void CreateAlarms(Amazon.CDK.AWS.SNS.ITopic? topic)
    {
        var scope = new Construct(this, "Alarms");
        var targets = _targets[JudgingTier];
        var tierText = JudgingTier.TagValue();
        var hour = Duration.Hours(1);
        var types = DrillResourceTypes.All.Where(_options.ResourceTypes.Contains).ToList();
        foreach (var type in types)
        {
            var name = type.ProtectedResourceType();
            Add(new Alarm(scope, $"{type}Failed", new AlarmProps
            {
                AlarmName = DrillAlarmNames.Failed(_store, type),
                AlarmDescription = $"A {name} restore drill of {_store} failed: the restore did not complete or the restored data did not pass the validator. The drill report in the drill report bucket and the restore job's validation message say why.",
                Metric = Metric(DrillValidatorContract.Success, type, Stats.MINIMUM, hour, labelled: false),
                ComparisonOperator = ComparisonOperator.LESS_THAN_THRESHOLD,
                Threshold = 1,
                EvaluationPeriods = 1,
                TreatMissingData = TreatMissingData.NOT_BREACHING,
            }));
            Add(new Alarm(scope, $"{type}RtoBreached", new AlarmProps
            {
                AlarmName = DrillAlarmNames.RtoBreached(_store, type),
                AlarmDescription = $"A {name} restore of {_store} took longer than the {tierText} RTO of {DurationText.Format(targets.Rto)}.",
                Metric = Metric(DrillValidatorContract.RestoreDurationSeconds, type, Stats.MAXIMUM, hour, labelled: false),
                ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
                Threshold = targets.Rto.TotalSeconds,
                EvaluationPeriods = 1,
                TreatMissingData = TreatMissingData.NOT_BREACHING,
            }));
            var ageLimit = RecoveryPointAgeLimit(targets);
            Add(new Alarm(scope, $"{type}RecoveryPointTooOld", new AlarmProps
            {
                AlarmName = DrillAlarmNames.RecoveryPointTooOld(_store, type),
                AlarmDescription = $"The newest {name} recovery point a drill of {_store} found was older than {DurationText.Format(ageLimit)}: backups of the {tierText} tier (RPO {DurationText.Format(targets.Rpo)}) are not running as scheduled.",
                Metric = Metric(DrillValidatorContract.RecoveryPointAgeSeconds, type, Stats.MAXIMUM, hour, labelled: false),
                ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
                Threshold = ageLimit.TotalSeconds,
                EvaluationPeriods = 1,
                TreatMissingData = TreatMissingData.NOT_BREACHING,
            }));
        }

        var periods = NoReportEvaluationDays(_options.Schedule);
        var usingMetrics = new Dictionary<string, IMetric>();
        for (var i = 0; i < types.Count; i++)
        {
            usingMetrics[$"m{i}"] = Metric(DrillValidatorContract.Success, types[i], Stats.SAMPLE_COUNT, Duration.Days(1), labelled: false);
        }

        Add(new Alarm(scope, "NoDrillReport", new AlarmProps
        {
            AlarmName = DrillAlarmNames.NoDrillReport(_store),
            AlarmDescription = string.Create(CultureInfo.InvariantCulture,
                $"No restore drill of {_store} reported for {periods} days (schedule {_options.Schedule} {_options.TimeZone}): the restore testing plan, the trigger or the validator is not working. Check the plan's restore jobs and the validator's dead-letter queue."),
            Metric = new MathExpression(new MathExpressionProps
            {
                Expression = string.Join(" + ", usingMetrics.Keys.Select(k => $"FILL({k}, 0)")),
                UsingMetrics = usingMetrics,
                Label = "drill reports per day",
                Period = Duration.Days(1),
            }),
            ComparisonOperator = ComparisonOperator.LESS_THAN_THRESHOLD,
            Threshold = 1,
            EvaluationPeriods = periods,
            DatapointsToAlarm = periods,
            TreatMissingData = TreatMissingData.BREACHING,
        }));

        Add(new Alarm(scope, "DeadLetters", new AlarmProps
        {
            AlarmName = DrillAlarmNames.DeadLetters(_store),
            AlarmDescription = $"A restore drill event of {_store} could not be delivered to or handled by the validator; its restore job was never validated. Read the message in the dead-letter queue and the validator's logs.",
            Metric = DeadLetterQueue.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = Duration.Minutes(5), Statistic = Stats.MAXIMUM }),
            ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
            Threshold = 0,
            EvaluationPeriods = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        }));

        void Add(Alarm alarm)
        {
            if (topic is not null)
            {
                alarm.AddAlarmAction(new SnsAction(topic));
            }

            _alarms.Add(alarm);
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

    // Graph metrics carry the type as label; alarm metrics do not, so the alarm stays a plain single-metric alarm.
    private Metric Metric(string name, DrillResourceType type, string statistic, Duration period, bool labelled = true) => new(new MetricProps
    {
        Namespace = DrillValidatorContract.MetricNamespace,
        MetricName = name,
        DimensionsMap = new Dictionary<string, string>
        {
            [DrillValidatorContract.StoreDimension] = _store,
            [DrillValidatorContract.ResourceTypeDimension] = type.ProtectedResourceType(),
        },
        Statistic = statistic,
        Period = period,
        Label = labelled ? type.ProtectedResourceType() : null,
    });
}
