using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SQS;
using EcommerceBackupCdk.Compliance;
using EcommerceBackupCdk.Topology;
using Constructs;
using LambdaFunction = Amazon.CDK.AWS.Lambda.Function;

namespace EcommerceBackupCdk.Drills;

/// <summary>
/// What a function of the restore-drill package needs around it, set up one way for the drill validator and store
/// recovery's steps: its named, key-encrypted log group, a role whose every permission sits in one customer-managed
/// policy (no inline policies; the function gets the role without policy updates), its own security group when the
/// network names none, the function on the managed .NET runtime (arm64) with the environment it is given, a
/// dependency on the policy instead of the role, and the suppressions of a function outside a VPC or in an imported
/// one. Construct ids are <c>&lt;Id&gt;Logs</c>, <c>&lt;Id&gt;Role</c>, <c>&lt;Id&gt;Policy</c>,
/// <c>&lt;Id&gt;SecurityGroup</c> and <c>&lt;Id&gt;</c>, as the two constructs had them.
/// </summary>
internal static class DotnetFunction
{
    /// <summary>What differs between the functions.</summary>
    internal sealed record Spec
    {
        public required string Id { get; init; }

        public required string FunctionName { get; init; }

        public required string Description { get; init; }

        public required string RoleDescription { get; init; }

        public required string PolicyDescription { get; init; }

        public required string SecurityGroupDescription { get; init; }

        public required string Handler { get; init; }

        public required Code Code { get; init; }

        public required int MemorySizeMb { get; init; }

        public required TimeSpan Timeout { get; init; }

        public required RetentionDays LogRetention { get; init; }

        public required IKey Key { get; init; }

        /// <summary>The environment, passed through as given.</summary>
        public required IReadOnlyDictionary<string, string> Environment { get; init; }

        /// <summary>The policy's statements; they may name the function's log group.</summary>
        public required Func<LogGroup, PolicyStatement[]> Statements { get; init; }

        public required (string Id, string Reason)[] PolicySuppressions { get; init; }

        /// <summary>Suppressions on the function, added before the network ones.</summary>
        public (string Id, string Reason)[] FunctionSuppressions { get; init; } = [];

        /// <summary>Reason given when the function is outside any VPC.</summary>
        public required string NoNetworkReason { get; init; }

        /// <summary>Reason given when the VPC's subnets come from another stack.</summary>
        public required string ImportedNetworkReason { get; init; }

        public ValidatorNetwork? Network { get; init; }

        public double? ReservedConcurrentExecutions { get; init; }

        public IQueue? DeadLetterQueue { get; init; }

        public double? RetryAttempts { get; init; }

        public TimeSpan? MaxEventAge { get; init; }
    }

    /// <summary>The parts created.</summary>
    internal sealed record Parts(LambdaFunction Function, Role Role, ManagedPolicy Policy, LogGroup Logs);

    public static Parts Create(Construct scope, Spec spec)
    {
        var logs = new LogGroup(scope, $"{spec.Id}Logs", new LogGroupProps
        {
            LogGroupName = PhysicalNames.FunctionLogGroup(spec.FunctionName),
            Retention = spec.LogRetention,
            EncryptionKey = spec.Key,
            // Named: kept on update/delete but not after a failed first create, so a retry can take the name again
            // (service rule NamedResourceRetainExceptOnCreate).
            RemovalPolicy = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
        });

        var role = new Role(scope, $"{spec.Id}Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = spec.RoleDescription,
        });
        var policy = new ManagedPolicy(scope, $"{spec.Id}Policy", new ManagedPolicyProps
        {
            Description = spec.PolicyDescription,
            Statements = spec.Statements(logs),
            Roles = [role],
        });
        NagSuppressions.Add(policy, spec.PolicySuppressions);

        var network = spec.Network;
        SecurityGroup[] ownGroups = [];
        if (network is not null && network.SecurityGroups.Count == 0)
        {
            ownGroups =
            [
                new SecurityGroup(scope, $"{spec.Id}SecurityGroup", new SecurityGroupProps
                {
                    Vpc = network.Vpc,
                    Description = spec.SecurityGroupDescription,
                    AllowAllOutbound = true,
                }),
            ];
        }

        var function = new LambdaFunction(scope, spec.Id, new FunctionProps
        {
            FunctionName = spec.FunctionName,
            Description = spec.Description,
            Runtime = new Runtime(DrillValidatorContract.RuntimeName, RuntimeFamily.DOTNET_CORE),
            Architecture = Architecture.ARM_64,
            Handler = spec.Handler,
            Code = spec.Code,
            MemorySize = spec.MemorySizeMb,
            Timeout = Duration.Seconds(spec.Timeout.TotalSeconds),
            Role = role.WithoutPolicyUpdates(new WithoutPolicyUpdatesOptions { AddGrantsToResources = true }),
            LogGroup = logs,
            Environment = spec.Environment.ToDictionary(e => e.Key, e => e.Value),
            ReservedConcurrentExecutions = spec.ReservedConcurrentExecutions,
            DeadLetterQueue = spec.DeadLetterQueue,
            RetryAttempts = spec.RetryAttempts,
            MaxEventAge = spec.MaxEventAge is { } age ? Duration.Seconds(age.TotalSeconds) : null,
            Vpc = network?.Vpc,
            VpcSubnets = network is null ? null : network.Subnets ?? new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
            SecurityGroups = network is null ? null : [.. network.SecurityGroups, .. ownGroups],
        });

        // CDK makes the function depend on its role; it must depend on the policy that grants the permissions (the
        // role is already referenced by GetAtt). This is the one override of the function's resource.
        ((CfnFunction)function.Node.DefaultChild!).AddOverride("DependsOn", new[] { ((CfnManagedPolicy)policy.Node.DefaultChild!).LogicalId });

        if (spec.FunctionSuppressions.Length > 0)
        {
            NagSuppressions.Add(function, spec.FunctionSuppressions);
        }

        if (network is null)
        {
            NagSuppressions.Add(function,
                ("NIST.800.53.R5-LambdaInsideVPC", spec.NoNetworkReason),
                ("HIPAA.Security-LambdaInsideVPC", spec.NoNetworkReason),
                ("PCI.DSS.321-LambdaInsideVPC", spec.NoNetworkReason));
            ControlTowerControls.FunctionOutsideVpc(function, spec.NoNetworkReason);
        }
        else if (network.Vpc.Stack != Stack.Of(scope))
        {
            // The guard rule accepts only literal subnet ids or Refs to AWS::EC2::Subnet in the same template
            // (node_modules/@cdklabs/cdk-validator-cfnguard/rules/control-tower/cfn-guard/lambda/ct-lambda-pr-3.guard:
            // "check_is_string_and_not_empty(this) or check_local_references(..., "AWS::EC2::Subnet")"); a VPC from
            // another stack arrives as Fn::ImportValue.
            NagSuppressions.Add(function, (ControlTowerControls.LambdaInVpc, spec.ImportedNetworkReason));
        }

        return new Parts(function, role, policy, logs);
    }
}
