using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Tests.Drills;

/// <summary>Every drill option rule, each with the message it gives.</summary>
public sealed class DrillOptionsValidatorTests
{
    public static TheoryData<string, DrillOptions, string> Invalid => new()
    {
        { "schedule", new DrillOptions { Schedule = "rate(7 days)" }, "drills.schedule: schedule is not an AWS Backup cron expression (got 'rate(7 days)'" },
        { "reservedConcurrency", new DrillOptions { ReservedConcurrency = 0 }, "drills.reservedConcurrency: is out of range (got 0, allowed 1-1000" },
        { "timeZone", new DrillOptions { TimeZone = "Mars/Olympus" }, "drills.timeZone: is not an IANA time zone (got 'Mars/Olympus'" },
        { "startWindow range", new DrillOptions { StartWindow = TimeSpan.FromMinutes(30) }, "drills.startWindow: is out of range (got 30m, allowed whole hours from 1h to 168h)" },
        { "startWindow gap", new DrillOptions { Schedule = "cron(0 18 ? * * *)", StartWindow = TimeSpan.FromHours(24) }, "drills.startWindow: is not shorter than the time between drills, so one drill could still be starting when the next is due (got 1d, allowed less than 1d)" },
        { "selectionWindowDays", new DrillOptions { SelectionWindowDays = 0 }, "drills.selectionWindowDays: is out of range (got 0, allowed 1 to 365 days)" },
        { "validationWindow", new DrillOptions { ValidationWindow = TimeSpan.FromHours(200) }, "drills.validationWindow: is out of range: restored copies must stay long enough for the validator to check them (got 200h, allowed whole hours from 1h to 168h)" },
        { "validationWindow zero", new DrillOptions { ValidationWindow = TimeSpan.Zero }, "drills.validationWindow: is out of range: restored copies must stay long enough for the validator to check them (got 0m, allowed whole hours from 1h to 168h)" },
        { "tiers empty", new DrillOptions { Tiers = [] }, "drills.tiers: names no tier, so nothing would be drilled (got nothing, allowed one or more of critical, standard, archive (or enabled: false))" },
        { "tiers twice", new DrillOptions { Tiers = [TierName.Critical, TierName.Critical] }, "drills.tiers: names a tier twice (got ['critical', 'critical'], allowed each tier at most once)" },
        { "types empty", new DrillOptions { ResourceTypes = [] }, "drills.resourceTypes: names no resource type, so nothing would be drilled (got nothing, allowed one or more of Aurora, RDS, DynamoDB, S3, EBS, EFS)" },
        { "types twice", new DrillOptions { ResourceTypes = [DrillResourceType.S3, DrillResourceType.S3] }, "drills.resourceTypes: names a resource type twice (got ['S3', 'S3'], allowed each type at most once)" },
        { "instance class", new DrillOptions { RdsInstanceClass = "t4g.medium" }, "drills.rdsInstanceClass: is not an RDS instance class (got 't4g.medium', allowed a class such as 'db.t4g.medium')" },
        { "subnet group", new DrillOptions { DbSubnetGroupName = "shop/private" }, "drills.dbSubnetGroupName: is not a DB subnet group name (got 'shop/private'" },
        { "security group", new DrillOptions { DbSecurityGroupIds = ["sg-xyz"] }, "drills.dbSecurityGroupIds[0]: is not a security group id (got 'sg-xyz', allowed 'sg-' followed by 8 or 17 hexadecimal digits)" },
        { "freshness", new DrillOptions { MaxDataFreshness = TimeSpan.Zero }, "drills.maxDataFreshness: must be positive (got 0m" },
        { "minimum", new DrillOptions { MinimumRecordCount = -1 }, "drills.minimumRecordCount: is negative (got -1, allowed 0 or more)" },
        { "attribute", new DrillOptions { FreshnessAttribute = new string('a', 256) }, "drills.freshnessAttribute: is longer than a DynamoDB attribute name may be (got 256, allowed at most 255 characters)" },
        { "preset", new DrillOptions { SqlPreset = "shopify" }, "drills.sqlPreset: is not a SQL probe preset (got 'shopify', allowed woocommerce, woocommerce-legacy, magento, custom)" },
        { "custom without query", new DrillOptions { SqlPreset = "custom" }, "drills.sqlCustomQuery: is required when sqlPreset is 'custom' (got nothing" },
        { "query not select", new DrillOptions { SqlPreset = "custom", SqlCustomQuery = "DELETE FROM orders" }, "drills.sqlCustomQuery: must be a single read-only SELECT (got 'DELETE FROM orders'" },
        { "table prefix", new DrillOptions { SqlTablePrefix = "wp-" }, "drills.sqlTablePrefix: is not a table prefix (got 'wp-', allowed 0-32 letters, digits or '_')" },
        { "resource arn", new DrillOptions { Resources = [new DrillResourceSettings { SourceArn = "orders" }] }, "drills.resources[0].sourceArn: is not an ARN or an ARN prefix ending in '*' (got 'orders'" },
        { "resource minimum", new DrillOptions { Resources = [new DrillResourceSettings { SourceArn = "arn:aws:s3:::images", MinimumRecordCount = -5 }] }, "drills.resources[0].minimumRecordCount: is negative (got -5, allowed 0 or more)" },
        { "resource preset", new DrillOptions { Resources = [new DrillResourceSettings { SourceArn = "arn:aws:rds:eu-central-1:111111111111:db:shop", SqlPreset = "prestashop" }] }, "drills.resources[0].sqlPreset: is not a SQL probe preset (got 'prestashop'" },
        { "resource custom", new DrillOptions { Resources = [new DrillResourceSettings { SourceArn = "arn:aws:rds:eu-central-1:111111111111:db:shop", SqlPreset = "custom" }] }, "drills.resources[0].sqlCustomQuery: is required when sqlPreset is 'custom'" },
        { "report retention", new DrillOptions { ReportRetention = TimeSpan.FromHours(12) }, "drills.reportRetention: must be whole days, at least 1 day (got 12h, allowed 1d or more in whole days)" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_InvalidOption_ReportsKeyValueAndWhatIsAllowed(string rule, DrillOptions options, string message)
    {
        var problems = new ValidationProblems();
        DrillOptionsValidator.Validate(options, "acme", problems);

        problems.All.Should().ContainSingle(because: rule).Which.Should().StartWith(message);
    }

    [Fact]
    public void Validate_Defaults_NoProblem()
    {
        var problems = new ValidationProblems();
        DrillOptionsValidator.Validate(new DrillOptions(), "acme", problems);
        problems.All.Should().BeEmpty();
    }

    [Fact]
    public void Validate_Disabled_IgnoresTheRest()
    {
        var problems = new ValidationProblems();
        DrillOptionsValidator.Validate(new DrillOptions { Enabled = false, Schedule = "nonsense", Tiers = [] }, "acme", problems);
        problems.All.Should().BeEmpty();
    }

    [Fact]
    public void Constructor_SeveralProblems_AllInOneExceptionAndNothingCreated()
    {
        var stack = TestStacks.NewStack();
        var vault = new Amazon.CDK.AWS.Backup.BackupVault(stack, "Vault");
        var act = () => new RestoreDrill(stack, "Drills", new RestoreDrillProps
        {
            StoreName = "acme",
            Vault = vault,
            Options = new DrillOptions { ValidatorCode = TestStacks.StubValidatorCode, SelectionWindowDays = 400, SqlPreset = "shopify" },
        });

        act.Should().Throw<BackupConfigurationException>()
            .Which.Problems.Should().HaveCount(2)
            .And.Contain(p => p.StartsWith("drills.selectionWindowDays", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("drills.sqlPreset", StringComparison.Ordinal));
        stack.Node.TryFindChild("Drills").Should().BeNull();
    }

    [Fact]
    public void Facade_InvalidDrills_ReportedWithTheOtherProps()
    {
        var act = () => TestStacks.Facade(TestStacks.DemoProps() with { StoreName = "Bad Name", Drills = new DrillOptions { TimeZone = "Nowhere", ValidatorCode = TestStacks.StubValidatorCode } });

        act.Should().Throw<BackupConfigurationException>()
            .Which.Problems.Should().Contain(p => p.StartsWith("storeName:", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("drills.timeZone:", StringComparison.Ordinal));
    }

    [Fact]
    public void Names_OnlyLettersDigitsAndUnderscores()
    {
        DrillOptionsValidator.PlanName("big-shop").Should().Be("big_shop_restore_drills");
        DrillOptionsValidator.SelectionName("big-shop", TierName.Standard, DrillResourceType.DynamoDb).Should().Be("big_shop_standard_dynamodb");
    }

    [Fact]
    public void RecoveryPointAgeLimit_NeverBelowRpo()
    {
        var monthly = TierDefaults.Archive;
        RestoreDrill.RecoveryPointAgeLimit(monthly).Should().Be(TimeSpan.FromDays(31) + TimeSpan.FromHours(1) + TimeSpan.FromHours(24),
            "the monthly rule's worst-case gap (31d) plus its 1h start and 24h completion windows");
        RestoreDrill.RecoveryPointAgeLimit(TierDefaults.Critical with { Rpo = TimeSpan.FromDays(2) }).Should().Be(TimeSpan.FromDays(2));
    }
}
