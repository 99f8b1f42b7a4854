using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Tests.Vaults;

public class AirGappedVaultTests
{
    private static EcommerceBackupProps AirGappedProps(AirGappedVaultOptions? options = null) => TestStacks.DemoProps() with
    {
        Targets = BackupTargets.Defaults.WithAirGappedCopies(),
        AirGappedVault = options ?? new AirGappedVaultOptions(),
    };

    private static Template DrAccountStack(EcommerceBackupProps props)
    {
        var app = new App(new AppProps { Context = new Dictionary<string, object> { ["aws:cdk:bundling-stacks"] = Array.Empty<string>() } });
        var stack = new RecoveryVaultStack(app, "Dr", new RecoveryVaultStackProps
        {
            Env = new Amazon.CDK.Environment { Account = TestStacks.DrAccount, Region = TestStacks.PrimaryRegion },
            Backup = props,
            Role = VaultRole.DrAccount,
            SourceAccount = TestStacks.PrimaryAccount,
        });
        return Template.FromStack(stack);
    }

    [Fact]
    public void WithAirGappedCopies_ReplacesOnlyTheCriticalDrAccountCopy()
    {
        var targets = BackupTargets.Defaults.WithAirGappedCopies();

        var weekly = targets.Critical.Rules.Single(r => r.Name == "Weekly");
        weekly.Copies.Should().ContainSingle().Which.Should().Be(new CopyTarget { Destination = CopyDestination.AirGapped, Retention = TimeSpan.FromDays(90) });
        targets.Critical.Rules.Single(r => r.Name == "Daily").Copies.Single().Destination.Should().Be(CopyDestination.DrRegion);
        targets.Archive.Rules.Single().Copies.Single().Destination.Should().Be(CopyDestination.DrAccount, "only the critical tier's copy moves");
    }

    [Fact]
    public void DrAccountStack_AirGappedVault_DerivesLimitsAndLetsThePrimaryAccountCopyIn()
    {
        var template = DrAccountStack(AirGappedProps(new AirGappedVaultOptions
        {
            ShareWithAccounts = ["333333333333"],
            MpaApprovalTeamArn = "arn:aws:mpa:eu-central-1:222222222222:approval-team/team-1",
        }));

        template.HasResource(AirGappedVaultFacts.CloudFormationType, new Dictionary<string, object>
        {
            ["DeletionPolicy"] = "RetainExceptOnCreate",
            ["Properties"] = new Dictionary<string, object>
            {
                ["BackupVaultName"] = "acme-air-gapped",
                ["MinRetentionDays"] = 90,
                ["MaxRetentionDays"] = 90,
                ["MpaApprovalTeamArn"] = "arn:aws:mpa:eu-central-1:222222222222:approval-team/team-1",
                ["AccessPolicy"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Statement"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Action"] = "backup:CopyIntoBackupVault",
                        ["Sid"] = "AllowCopyIntoVault",
                    })]),
                }),
            },
        });
        template.HasResourceProperties("AWS::RAM::ResourceShare", new Dictionary<string, object>
        {
            ["Name"] = "acme-air-gapped-recovery",
            ["Principals"] = new[] { "333333333333" },
            ["ResourceArns"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Fn::GetAtt"] = Match.ArrayWith(["BackupVaultArn"]) }) },
        });
        template.ResourceCountIs("AWS::Backup::BackupVault", 1);
    }

    [Fact]
    public void Facade_AirGapped_WeeklyCriticalRuleCopiesToTheAirGappedVaultOnly()
    {
        var (_, backup, template) = TestStacks.Facade(AirGappedProps());

        backup.AirGappedVaultArn.Should().EndWith(":backup:eu-central-1:222222222222:backup-vault:acme-air-gapped");
        var plans = Json.ResourcesOfType(template, "AWS::Backup::BackupPlan").Select(p => p["Properties"]!["BackupPlan"]!).ToList();
        var critical = plans.Single(p => p["BackupPlanName"]!.GetValue<string>() == "acme-critical");
        var weekly = critical["BackupPlanRule"]!.AsArray().Single(r => r!["RuleName"]!.GetValue<string>() == "Weekly")!;
        var copy = weekly["CopyActions"]!.AsArray().Single()!["DestinationBackupVaultArn"]!.ToJsonString();
        copy.Should().Contain(":222222222222:backup-vault:acme-air-gapped");
        weekly["CopyActions"]!.AsArray().Should().HaveCount(1, "the air-gapped copy replaces the DR-account copy instead of adding one");
    }

    [Fact]
    public void Validate_AirGappedCopyWithoutVault_NamesTheKey()
    {
        var props = TestStacks.DemoProps() with { Targets = BackupTargets.Defaults.WithAirGappedCopies() };

        PropsValidator.Validate(props).All.Should().Contain(
            "airGappedVault: is required because targets.critical.rules.Weekly copies to the air-gapped vault (got nothing, allowed air-gapped vault options, or another copy destination (drRegion, drAccount))");
    }

    private static EcommerceBackupProps VaultRegionProps(string? accountRegion) => TestStacks.DemoProps() with
    {
        Targets = BackupTargets.Defaults.WithAirGappedCopies(),
        AirGappedVault = new AirGappedVaultOptions(),
        DisasterRecovery = new DisasterRecoveryOptions { Region = TestStacks.DrRegion, Account = TestStacks.DrAccount, AccountRegion = accountRegion },
    };

    [Fact]
    public void Validate_VaultInARegionWithoutAirGappedVaults_IsRefused()
    {
        PropsValidator.Validate(VaultRegionProps("ca-west-1"), TestStacks.PrimaryAccount, TestStacks.PrimaryRegion).All.Should().Contain(
            "disasterRecovery.accountRegion: is a region where AWS Backup offers no logically air-gapped vault or no copy into one (got 'ca-west-1', allowed a region other than ap-east-2, ap-southeast-5, ap-southeast-7, ca-west-1, cn-north-1, cn-northwest-1, mx-central-1, us-gov-east-1, us-gov-west-1, or no airGappedVault)");
        PropsValidator.Validate(VaultRegionProps(null), TestStacks.PrimaryAccount, "mx-central-1").All.Should().Contain(
            p => p.StartsWith("primary.region: is a region from which AWS Backup makes no copy into a logically air-gapped vault (got 'mx-central-1'", StringComparison.Ordinal));
        PropsValidator.Validate(VaultRegionProps("eu-west-2"), TestStacks.PrimaryAccount, TestStacks.PrimaryRegion).All.Should().NotContain(
            p => p.Contains("logically air-gapped vault or no copy", StringComparison.Ordinal) || p.Contains("no copy into a logically air-gapped vault", StringComparison.Ordinal));
    }

    [Fact]
    public void Facade_VaultInAnotherRegionThanThePrimary_WarnsAboutAuroraCopies()
    {
        static IEnumerable<string> Warnings(EcommerceBackupProps props)
        {
            var stack = TestStacks.NewStack();
            _ = new EcommerceBackup(stack, "Backup", props);
            return Amazon.CDK.Assertions.Annotations.FromStack(stack).FindWarning("*", Match.AnyValue()).Select(w => w.Entry.Data?.ToString() ?? string.Empty);
        }

        Warnings(VaultRegionProps("eu-west-2")).Should().Contain(w => w.Contains("AWS does not copy backups of Amazon Aurora, Amazon DocumentDB, Amazon Neptune across Regions into a logically air-gapped vault", StringComparison.Ordinal)
            && w.Contains("[ack: ecommerce-backup:air-gapped-cross-region]", StringComparison.Ordinal));
        Warnings(VaultRegionProps(TestStacks.PrimaryRegion)).Should().NotContain(w => w.Contains("across Regions into a logically air-gapped vault", StringComparison.Ordinal));
        Warnings(VaultRegionProps(null)).Should().NotContain(w => w.Contains("across Regions into a logically air-gapped vault", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_VaultWithoutCopies_IsRefusedAsDoingNothing()
    {
        var props = TestStacks.DemoProps() with { AirGappedVault = new AirGappedVaultOptions() };

        PropsValidator.Validate(props).All.Should().ContainSingle(p => p.StartsWith("airGappedVault: is set but no rule copies to the air-gapped vault", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadOptionsAndShortCopy_ReportsEach()
    {
        var targets = BackupTargets.Defaults.WithAirGappedCopies();
        targets = targets with
        {
            Critical = targets.Critical with
            {
                Rules = [.. targets.Critical.Rules.Select(r => r.Name == "Weekly"
                    ? r with { Copies = [new CopyTarget { Destination = CopyDestination.AirGapped, Retention = TimeSpan.FromDays(5) }] }
                    : r)],
            },
        };
        var props = TestStacks.DemoProps() with
        {
            Targets = targets,
            AirGappedVault = new AirGappedVaultOptions
            {
                MpaApprovalTeamArn = "team-1",
                ShareWithAccounts = ["222222222222", "12"],
                EncryptionKeyArn = "alias/aws/backup",
            },
        };

        var problems = PropsValidator.Validate(props).All;

        problems.Should().Contain("targets.critical.rules.Weekly.copies[0].retention: is shorter than a logically air-gapped vault accepts (got 5d, allowed at least 7d)")
            .And.Contain("airGappedVault.mpaApprovalTeamArn: is not the ARN of a multi-party approval team (got 'team-1', allowed arn:<partition>:mpa:<region>:<account>:approval-team/<id>)")
            .And.Contain("airGappedVault.shareWithAccounts[0]: is the DR account that owns the vault; sharing with it does nothing (got '222222222222', allowed a recovery account other than the DR account)")
            .And.Contain("airGappedVault.shareWithAccounts[1]: is not an AWS account id (got '12', allowed 12 digits)")
            .And.Contain(p => p.StartsWith("airGappedVault.encryptionKeyArn: is not the ARN of a customer-managed KMS key", StringComparison.Ordinal));
    }

    // The Multi-party approval API's team ARN pattern: arn:aws(-[^:]+)?:mpa:[a-z0-9-]{1,20}:[0-9]{12}:approval-team/[a-zA-Z0-9._-]+
    // (https://docs.aws.amazon.com/mpa/latest/APIReference/API_GetApprovalTeam.html).
    [Theory]
    [InlineData("arn:aws:mpa:eu-central-1:222222222222:approval-team/team-1", true)]
    [InlineData("arn:aws-us-gov:mpa:us-gov-west-1:222222222222:approval-team/Backup.Team_2", true)]
    [InlineData("arn:aws:mpa::222222222222:approval-team/team-1", false)]
    [InlineData("arn:aws:mpa:eu-central-1:2222:approval-team/team-1", false)]
    [InlineData("arn:aws:mpa:eu-central-1:222222222222:team/team-1", false)]
    [InlineData("arn:aws:mpa:eu-central-1:222222222222:approval-team/", false)]
    public void MpaApprovalTeamArn_FollowsTheMpaApiPattern(string arn, bool accepted)
    {
        var problems = new ValidationProblems();
        AirGappedVaultValidator.ValidateOptions(new AirGappedVaultOptions { MpaApprovalTeamArn = arn }, "222222222222", problems);

        problems.All.Any(p => p.StartsWith("airGappedVault.mpaApprovalTeamArn:", StringComparison.Ordinal)).Should().Be(!accepted);
    }

    [Fact]
    public void Immutability_PerDestination_FollowsLockModeExceptAirGapped()
    {
        Immutability.Of(CopyDestination.DrRegion, VaultLockMode.Governance).Should().Be(ImmutabilityLevel.GovernanceLock);
        Immutability.Of(CopyDestination.DrAccount, VaultLockMode.Compliance).Should().Be(ImmutabilityLevel.ComplianceLock);
        Immutability.Of(CopyDestination.AirGapped, VaultLockMode.Governance).Should().Be(ImmutabilityLevel.AirGapped);
    }

    [Fact]
    public void Posture_AirGappedCopy_ShowsLevelAndFlagsUndocumentedTypes()
    {
        var (stack, backup, _) = TestStacks.Facade(AirGappedProps());
        _ = stack;
        var report = backup.Posture();

        report.Vaults.Should().Contain(v => v.Role == VaultRole.AirGapped && v.Immutability == ImmutabilityLevel.AirGapped && v.MinRetention == TimeSpan.FromDays(90));
        var critical = report.Tiers.Single(t => t.Tier == TierName.Critical);
        critical.Destinations.Should().Contain(d => d.Destination == CopyDestination.AirGapped && d.Immutability == ImmutabilityLevel.AirGapped && d.WorstCaseRpo == TimeSpan.FromDays(7));
        critical.Destinations.Should().NotContain(d => d.Destination == CopyDestination.DrAccount, "the air-gapped copy replaces the DR-account copy");
        critical.Rules.Single(r => r.Name == "Daily").Copies.Single().Immutability.Should().Be(ImmutabilityLevel.GovernanceLock);
        AirGappedVaultFacts.Accepts("AWS::DynamoDB::Table").Should().BeFalse();
        AirGappedVaultFacts.Accepts("AWS::RDS::DBCluster").Should().BeTrue();
    }
}
