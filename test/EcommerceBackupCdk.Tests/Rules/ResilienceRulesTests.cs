using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using EcommerceBackupCdk.Rules;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Tests.Rules;

public class ResilienceRulesTests
{
    private static Stack VaultStack(int min, int max, string? key = null, string region = TestStacks.PrimaryRegion)
    {
        var stack = TestStacks.NewStack(TestStacks.DrAccount, region);
        var properties = new Dictionary<string, object> { ["BackupVaultName"] = "acme-air-gapped", ["MinRetentionDays"] = min, ["MaxRetentionDays"] = max };
        if (key is not null)
        {
            properties["EncryptionKeyArn"] = key;
        }

        _ = new CfnResource(stack, "Vault", new CfnResourceProps { Type = AirGappedVaultFacts.CloudFormationType, Properties = properties });
        return stack;
    }

    [Fact]
    public void AirGappedVaultRetention_UnderSevenDaysOrInverted_Fails()
    {
        RuleHarness.SynthError(VaultStack(5, 30), new AirGappedVaultRetention()).Should()
            .Contain("AirGappedVaultRetention: Test/Vault (AWS::Backup::LogicallyAirGappedBackupVault) MinRetentionDays: AWS Backup rejects a logically air-gapped vault whose minimum retention is under 7 days (got 5)");
        RuleHarness.SynthError(VaultStack(90, 30), new AirGappedVaultRetention()).Should()
            .Contain("MinRetentionDays: no recovery point could be copied into the vault: every retention is either below the minimum or above the maximum (got 90 > MaxRetentionDays 30)");
    }

    [Fact]
    public void AirGappedVaultRetention_DerivedLimits_Pass() =>
        RuleHarness.SynthError(VaultStack(7, 90), new AirGappedVaultRetention()).Should().BeNull();

    [Theory]
    [InlineData("ca-west-1")]
    [InlineData("ap-southeast-5")]
    [InlineData("us-gov-west-1")]
    [InlineData("mx-central-1")]
    public void AirGappedVaultRegion_RegionWithoutAirGappedVaults_Fails(string region) =>
        RuleHarness.SynthError(VaultStack(7, 90, region: region), new AirGappedVaultRegion()).Should()
            .Contain($"AirGappedVaultRegion: Test/Vault (AWS::Backup::LogicallyAirGappedBackupVault) (stack region): AWS Backup offers no logically air-gapped vault in this region, or no copy into one, so the vault cannot be created or never receives a copy (got {region})");

    [Fact]
    public void AirGappedVaultRegion_OfferedRegion_Passes() =>
        RuleHarness.SynthError(VaultStack(7, 90, region: "eu-central-1"), new AirGappedVaultRegion()).Should().BeNull();

    [Fact]
    public void AirGappedVaultEncryptionKey_AliasOrKeyId_Fails()
    {
        RuleHarness.SynthError(VaultStack(7, 90, "alias/aws/backup"), new AirGappedVaultEncryptionKey()).Should()
            .Contain("AirGappedVaultEncryptionKey: Test/Vault (AWS::Backup::LogicallyAirGappedBackupVault) EncryptionKeyArn: a logically air-gapped vault takes the ARN of a customer-managed KMS key (or none, for the AWS-owned key); an alias, key id or AWS managed key is rejected (got \"alias/aws/backup\")");
    }

    [Fact]
    public void AirGappedVaultEncryptionKey_KeyArnOrNone_Pass()
    {
        RuleHarness.SynthError(VaultStack(7, 90, "arn:aws:kms:eu-central-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab"), new AirGappedVaultEncryptionKey()).Should().BeNull();
        RuleHarness.SynthError(VaultStack(7, 90), new AirGappedVaultEncryptionKey()).Should().BeNull();
    }

    [Fact]
    public void MalwareScannerRoleTrust_ScannerPolicyOnARoleGuardDutyCannotAssume_Fails()
    {
        var stack = TestStacks.NewStack();
        _ = new Role(stack, "Scanner", new RoleProps
        {
            AssumedBy = new ServicePrincipal("backup.amazonaws.com"),
            ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("AWSBackupGuardDutyRolePolicyForScans")],
        });

        RuleHarness.SynthError(stack, new MalwareScannerRoleTrust()).Should()
            .Contain("MalwareScannerRoleTrust: Test/Scanner/Resource (AWS::IAM::Role) AssumeRolePolicyDocument: GuardDuty cannot assume the scanner role, so every malware scan of a recovery point is skipped (ACCESS_DENIED)")
            .And.Contain("Fix: trust the service principal malware-protection.guardduty.amazonaws.com");
    }

    [Fact]
    public void MalwareScannerRoleTrust_TheFacadesScannerRole_Passes()
    {
        var stack = TestStacks.NewStack();
        _ = new EcommerceBackup(stack, "Backup", TestStacks.DemoProps() with { MalwareScanning = new EcommerceBackupCdk.Plans.MalwareScanOptions() });

        RuleHarness.SynthError(stack, new MalwareScannerRoleTrust()).Should().BeNull();
    }
}
