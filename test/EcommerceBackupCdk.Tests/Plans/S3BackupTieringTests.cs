using Amazon.CDK.Assertions;
using EcommerceBackupCdk.Plans;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Tests.Plans;

public sealed class S3BackupTieringTests
{
    [Fact]
    public void Facade_Default_TiersS3BackupsInThePrimaryVaultAfter60Days()
    {
        var (_, backup, template) = TestStacks.Facade();

        backup.S3Tiering.Should().NotBeNull();
        template.HasResource("AWS::Backup::TieringConfiguration", new Dictionary<string, object>
        {
            ["Properties"] = new Dictionary<string, object>
            {
                ["TieringConfigurationName"] = "acme_primary_s3_tiering",
                ["BackupVaultName"] = "acme-primary",
                ["ResourceSelection"] = new object[]
                {
                    new Dictionary<string, object> { ["ResourceType"] = "S3", ["Resources"] = new[] { "*" }, ["TieringDownSettingsInDays"] = 60 },
                },
            },
            ["DependsOn"] = Match.ArrayWith([Match.StringLikeRegexp("BackupVault[0-9A-F]{8}$")]),
        });
    }

    [Fact]
    public void Facade_TieringOff_NoConfiguration()
    {
        var (_, backup, template) = TestStacks.Facade(TestStacks.DemoProps() with { S3BackupTiering = null });

        backup.S3Tiering.Should().BeNull();
        template.ResourceCountIs("AWS::Backup::TieringConfiguration", 0);
    }

    [Theory]
    [InlineData(59)]
    [InlineData(36501)]
    public void Facade_TieringAgeOutOfRange_ThrowsNamingTheKey(int days)
    {
        var act = () => TestStacks.Facade(TestStacks.DemoProps() with { S3BackupTiering = TimeSpan.FromDays(days) });

        act.Should().Throw<BackupConfigurationException>()
            .WithMessage($"*s3BackupTiering: is not a tiering age AWS Backup accepts (got {days}d, allowed whole days from 60d to 36500d)*");
    }

    [Fact]
    public void S3BackupTiering_NothingKeptBeyondTheAge_IsRefused()
    {
        var stack = TestStacks.NewStack();

        var act = () => new S3BackupTiering(stack, "T", new S3BackupTieringProps { VaultName = "acme-dr-region", LongestRetention = TimeSpan.FromDays(35) });

        act.Should().Throw<BackupConfigurationException>()
            .WithMessage("*after: moves nothing: vault acme-dr-region keeps nothing longer than 35d (got 60d, allowed less than 35d, or no tiering)*");
    }
}
