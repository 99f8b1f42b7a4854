using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SecretsManager;
using EcommerceBackupCdk.Compliance;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Recovery;
using EcommerceBackupCdk.RestoreDrill.Configuration;
using EcommerceBackupCdk.RestoreDrill.Evidence;
using EcommerceBackupCdk.RestoreDrill.Recovery;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Contract;

/// <summary>
/// The construct–Lambda round trip: a stack is synthesized with the library, each function's
/// <c>Environment.Variables</c> is taken from the template (tokens substituted, see <see cref="SynthesizedEnvironment"/>)
/// and parsed by the Lambda's own reader. Every setting is chosen unlike the reader's default, so a variable or JSON
/// field renamed on either side falls back to a default and fails an assertion; and every variable the construct sets
/// must be one the reader asks for (<see cref="RecordingEnvironment"/>).
/// </summary>
public sealed class EnvironmentRoundTripTests
{
    private const string Account = "111111111111";
    private const string Region = "eu-central-1";
    private const string ValidatorName = "acme-restore-drill-validator";
    private const string RecoveryName = "acme-store-recovery-steps";
    private const string EvidenceName = "acme-backup-evidence-index";

    // Synthesized once, under the jsii lock; the tests read plain dictionaries.
    private static readonly Lazy<IReadOnlyDictionary<string, Dictionary<string, string>>> Environments = new(() => JsiiGate.Run(() =>
    {
        var stack = Synthesize();
        return (IReadOnlyDictionary<string, Dictionary<string, string>>)new[] { ValidatorName, RecoveryName, EvidenceName }
            .ToDictionary(name => name, name => SynthesizedEnvironment.Of(stack, name), StringComparer.Ordinal);
    }));

    [Fact]
    public void DrillValidator_Environment_ParsesIntoTheConfiguredSettings()
    {
        var env = new RecordingEnvironment(WithRegion(Environments.Value[ValidatorName]));

        var settings = DrillSettings.FromEnvironment(env);

        settings.StoreName.Should().Be("acme");
        settings.ReportBucket.Should().StartWith("test-").And.NotContain("${Token");
        settings.RestoreTestingPlanArns.Should().ContainSingle().Which.Should().StartWith($"arn:aws:backup:{Region}:{Account}:restore-testing-plan:");
        settings.Tiers[ContractTiers.Critical].Should().Be(new TierTarget { RpoSeconds = 300, RtoSeconds = 2700, MaxDataFreshnessSeconds = 7200 });
        settings.Tiers[ContractTiers.Standard].RtoSeconds.Should().Be(21_600);
        settings.Tiers[ContractTiers.Standard].MaxDataFreshnessSeconds.Should().Be(86_400, "the looser tier keeps its own RPO");
        settings.Defaults.Should().BeEquivalentTo(new ResourceSettings
        {
            Tier = ContractTiers.Critical,
            TimestampAttribute = "placedAt",
            SqlPreset = SqlPresets.Magento,
            SqlTablePrefix = "mg_",
            Database = "shop",
            SecretArn = $"arn:aws:secretsmanager:{Region}:{Account}:secret:ShopDbSecret",
            MinimumRecordCount = 7,
        }, o => o.Excluding(r => r.SecretArn));
        settings.Defaults.SecretArn.Should().StartWith($"arn:aws:secretsmanager:{Region}:{Account}:secret:ShopDbSecret");
        settings.ValidationTimeout.Should().Be(DrillDefaults.ValidationTimeout);
        settings.ValidationWindow.Should().Be(TimeSpan.FromHours(6));
        settings.Resources.Should().HaveCount(2);
        settings.Resources[0].Should().BeEquivalentTo(new ResourceSettings
        {
            SourceArn = $"arn:aws:dynamodb:{Region}:{Account}:table/carts",
            Tier = ContractTiers.Standard,
            TimestampAttribute = "updatedAt",
            SqlPreset = SqlPresets.Magento,
            SqlTablePrefix = "mg_",
            Database = "shop",
            SecretArn = settings.Defaults.SecretArn,
            MinimumRecordCount = 0,
        });
        settings.Resources[1].Should().BeEquivalentTo(new ResourceSettings
        {
            SourceArn = $"arn:aws:rds:{Region}:{Account}:db:shop*",
            Tier = ContractTiers.Critical,
            TimestampAttribute = "placedAt",
            SqlPreset = SqlPresets.Custom,
            SqlCustomQuery = "SELECT COUNT(*), MAX(created) FROM orders WHERE note <> 'test'",
            SqlTablePrefix = "shop_",
            Database = "orders",
            MinimumRecordCount = 3,
        }, o => o.Excluding(r => r.SecretArn));
        settings.Resources[1].SecretArn.Should().StartWith($"arn:aws:secretsmanager:{Region}:{Account}:secret:OrdersDbSecret");
        UnreadVariables(env, ValidatorName).Should().BeEquivalentTo([DrillVariables.HandlerLogFormat],
            "every variable the construct sets is read by the validator, except the one the .NET runtime client reads");
    }

    [Fact]
    public void StoreRecovery_Environment_ParsesIntoTheConfiguredSettings()
    {
        var env = new RecordingEnvironment(WithRegion(Environments.Value[RecoveryName]));

        var settings = RecoverySettings.FromEnvironment(env);

        settings.AuroraInstanceClass.Should().Be("db.r6g.large");
        settings.BackupRestoreRoleArn.Should().StartWith($"arn:aws:iam::{Account}:role/S3RestoreRole");
        settings.Drill.Defaults.Tier.Should().Be(ContractTiers.Standard, "store recovery judges the tier it recovers");
        settings.Drill.Defaults.SqlPreset.Should().Be(SqlPresets.Magento, "the function judges restored resources with the validator's settings");
        settings.Drill.Tiers[ContractTiers.Critical].RtoSeconds.Should().Be(2700);
        settings.Drill.Resources.Should().HaveCount(2);
        UnreadVariables(env, RecoveryName).Should().BeEquivalentTo([DrillVariables.HandlerLogFormat]);
    }

    [Fact]
    public void EvidenceIndex_Environment_ParsesIntoTheConfiguredSettings()
    {
        var env = new RecordingEnvironment(WithRegion(Environments.Value[EvidenceName]));

        var settings = EvidenceSettings.FromEnvironment(env);

        settings.StoreName.Should().Be("acme");
        settings.Bucket.Should().StartWith("test-");
        settings.DrillReportBucket.Should().StartWith("test-").And.NotBe(settings.Bucket, "drill reports stay in the drill construct's bucket");
        settings.Tiers.Keys.Should().Equal(ContractTiers.All);
        var critical = settings.Tiers[ContractTiers.Critical];
        critical.RpoSeconds.Should().Be(300);
        critical.RtoSeconds.Should().Be(2700);
        critical.RetentionDays.Should().Be((long)Targets.Critical.LongestRetention.TotalDays).And.BePositive();
        critical.Rules.Should().HaveCount(Targets.Critical.Rules.Count + 1).And.Contain(r => r.StartsWith("Continuous (PITR)", StringComparison.Ordinal));
        critical.Copies.Should().Contain(c => c.Contains("DR region eu-west-1", StringComparison.Ordinal));
        settings.Tiers[ContractTiers.Standard].RtoSeconds.Should().Be(21_600);
        settings.Frameworks.Should().Contain("acme_backup_critical");
        UnreadVariables(env, EvidenceName).Should().BeEmpty();
    }

    private static BackupTargets Targets { get; } = BackupTargets.Defaults with
    {
        Critical = BackupTargets.Defaults.Critical with { Rto = TimeSpan.FromMinutes(45) },
        Standard = BackupTargets.Defaults.Standard with { Rto = TimeSpan.FromHours(6) },
    };

    private static IEnumerable<string> UnreadVariables(RecordingEnvironment env, string functionName) =>
        Environments.Value[functionName].Keys.Where(k => !env.Read.Contains(k));

    // Lambda sets AWS_REGION itself ("AWS_REGION – The AWS Region where the Lambda function is executed",
    // https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime).
    private static Dictionary<string, string> WithRegion(Dictionary<string, string> env) =>
        new(env, StringComparer.Ordinal) { [DrillVariables.Region] = Region };

    private static Stack Synthesize()
    {
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "18,20");
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1");
        var stubDirectory = Path.Combine(Path.GetTempPath(), "ebc-contract-stub-validator");
        Directory.CreateDirectory(stubDirectory);
        File.WriteAllText(Path.Combine(stubDirectory, "EcommerceBackupCdk.RestoreDrill.dll"), "stub");
        var code = Amazon.CDK.AWS.Lambda.Code.FromAsset(stubDirectory);

        var app = new App(new AppProps { Context = new Dictionary<string, object> { ["aws:cdk:bundling-stacks"] = Array.Empty<string>() } });
        var stack = new Stack(app, "Contract", new StackProps { Env = new Amazon.CDK.Environment { Account = Account, Region = Region } });
        var shopSecret = new Secret(stack, "ShopDbSecret");
        var ordersSecret = new Secret(stack, "OrdersDbSecret");
        var s3RestoreRole = new Role(stack, "S3RestoreRole", new RoleProps { AssumedBy = new ServicePrincipal("backup.amazonaws.com") });
        _ = new EcommerceBackup(stack, "Backup", new EcommerceBackupProps
        {
            StoreName = "acme",
            Targets = Targets,
            DisasterRecovery = new EcommerceBackupCdk.Vaults.DisasterRecoveryOptions { Region = "eu-west-1", Account = "222222222222" },
            Audit = new AuditOptions { EvidenceIndexCode = code },
            Recovery = new RecoveryOptions { Tier = TierName.Standard, AuroraInstanceClass = "db.r6g.large", S3RestoreRole = s3RestoreRole },
            Drills = new DrillOptions
            {
                ValidatorCode = code,
                ValidationWindow = TimeSpan.FromHours(6),
                FreshnessAttribute = "placedAt",
                MaxDataFreshness = TimeSpan.FromHours(2),
                SqlPreset = SqlPresets.Magento,
                SqlTablePrefix = "mg_",
                SqlDatabase = "shop",
                DatabaseSecret = shopSecret,
                MinimumRecordCount = 7,
                Resources =
                [
                    new DrillResourceSettings
                    {
                        SourceArn = $"arn:aws:dynamodb:{Region}:{Account}:table/carts", Tier = TierName.Standard, FreshnessAttribute = "updatedAt", MinimumRecordCount = 0,
                    },
                    new DrillResourceSettings
                    {
                        SourceArn = $"arn:aws:rds:{Region}:{Account}:db:shop*", SqlPreset = SqlPresets.Custom,
                        SqlCustomQuery = "SELECT COUNT(*), MAX(created) FROM orders WHERE note <> 'test'",
                        SqlTablePrefix = "shop_", SqlDatabase = "orders", DatabaseSecret = ordersSecret, MinimumRecordCount = 3,
                    },
                ],
            },
        });
        return stack;
    }
}
