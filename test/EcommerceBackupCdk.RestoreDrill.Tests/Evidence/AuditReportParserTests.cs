using EcommerceBackupCdk.RestoreDrill.Evidence;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Evidence;

public sealed class AuditReportParserTests
{
    [Fact]
    public void Parse_DocumentedJsonSample_ReadsControlComplianceRows()
    {
        // The CONTROL_COMPLIANCE_REPORT sample of the AWS Backup developer guide ("Choosing your report template").
        const string json = """
            {"reportItems":[{"accountId":"112233445566","region":"me-south-1","frameworkName":"TestFramework7","frameworkDescription":"A test framework",
              "controlName":"BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK","controlComplianceStatus":"NON_COMPLIANT","lastEvaluationTime":"2021-08-17T03:21:19.995Z",
              "numResourcesCompliant":0,"numResourcesNonCompliant":25,"controlScope":"{ComplianceResourceTypes: [],}",
              "controlParameters":"{\"requiredFrequencyValue\":\"1\",\"requiredRetentionDays\":\"35\",\"requiredFrequencyUnit\":\"hours\"}"}]}
            """;

        var item = AuditReportParser.Parse("r.json", json).Controls.Single();

        item.Should().BeEquivalentTo(new ControlComplianceItem
        {
            FrameworkName = "TestFramework7",
            ControlName = "BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK",
            Status = "NON_COMPLIANT",
            LastEvaluationTime = DateTimeOffset.Parse("2021-08-17T03:21:19.995Z", System.Globalization.CultureInfo.InvariantCulture),
            ResourcesCompliant = 0,
            ResourcesNonCompliant = 25,
            Parameters = """{"requiredFrequencyValue":"1","requiredRetentionDays":"35","requiredFrequencyUnit":"hours"}""",
            AccountId = "112233445566",
            Region = "me-south-1",
            ReportKey = "r.json",
        });
    }

    [Theory]
    [InlineData("copyJobId,jobStatus,destinationBackupVaultArn")]
    [InlineData("Copy Job ID,Job Status,Destination Backup Vault ARN")]
    [InlineData("copy_job_id,job_status,destination_backup_vault_arn")]
    public void Parse_CsvHeaderSpellings_AreTheSameColumn(string header)
    {
        var job = AuditReportParser.Parse("r.csv", $"{header}\r\nC-1,COMPLETED,\"arn:aws:backup:eu-west-1:1:backup-vault:a,b\"\r\n").Jobs.Single();

        job.Kind.Should().Be(BackupJobItem.Copy);
        job.JobId.Should().Be("C-1");
        job.Status.Should().Be("COMPLETED");
        job.DestinationVaultArn.Should().Be("arn:aws:backup:eu-west-1:1:backup-vault:a,b");
    }

    [Fact]
    public void Parse_CsvWithQuotedQuotesAndMissingCells_KeepsTheRowShape()
    {
        var rows = AuditReportParser.Parse("r.csv", "Backup Job ID,Job Status,Resource Name\nB-1,FAILED,\"say \"\"hi\"\"\"\nB-2,COMPLETED\n").Jobs;

        rows.Select(r => (r.JobId, r.Status)).Should().Equal(("B-1", "FAILED"), ("B-2", "COMPLETED"));
    }

    [Fact]
    public void Parse_JsonWithoutReportItems_IsEmpty() =>
        AuditReportParser.Parse("r.json", """{"something":"else"}""").Should().BeEquivalentTo(new AuditReportContent());

    [Fact]
    public void Parse_BrokenJson_Throws() =>
        FluentActions.Invoking(() => AuditReportParser.Parse("r.json", "{\"reportItems\": [")).Should().Throw<System.Text.Json.JsonException>();
}
