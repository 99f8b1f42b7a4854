using Amazon.DynamoDBv2.Model;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Configuration;
using EcommerceBackupCdk.RestoreDrill.Reports;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;
using EcommerceBackupCdk.RestoreDrill.Validators;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Validators;

/// <summary>DynamoDbValidator against dynalite with seeded orders tables.</summary>
public sealed class DynamoDbValidatorTests
{
    private static readonly DateTimeOffset Newest = new(2026, 11, 20, 17, 50, 0, TimeSpan.Zero);

    private static ValidationContext Context(string arn, string? attribute = "createdAt", long minimum = 1) => new()
    {
        Job = new RestoreJobDescription { RestoreJobId = "JOB", Status = "COMPLETED", ResourceType = "DynamoDB", CreatedResourceArn = arn },
        CreatedResourceArn = arn,
        Settings = new ResourceSettings { Tier = ContractTiers.Critical, SqlPreset = SqlPresets.WooCommerce, TimestampAttribute = attribute, MinimumRecordCount = minimum },
        Target = DrillTiers.Defaults[ContractTiers.Critical],
    };

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Validate_SeededOrdersWithIsoTimes_CountsEveryItemAndFindsTheNewest(int segments)
    {
        using var client = Dynalite.Client();
        var table = TestArns.Unique("orders");
        var arn = await Dynalite.CreateOrdersTableAsync(client, table, Enumerable.Range(0, 300).Select(i =>
            Dynalite.Order(i, "createdAt", new AttributeValue { S = Newest.AddMinutes(-i).ToString("O") })));

        var result = await new DynamoDbValidator(client, segments).ValidateAsync(Context(arn), CancellationToken.None);

        result.RecordCount.Should().Be(300);
        result.NewestRecordAt.Should().Be(Newest);
        result.DataValidated.Should().BeTrue();
        result.Checks.Should().OnlyContain(c => c.Status == DrillCheck.Passed);
        result.Checks.Select(c => c.Name).Should().Equal("dynamodb.tableActive", "dynamodb.itemCount", "dynamodb.newestRecord");
    }

    [Fact]
    public async Task Validate_EpochSecondsAndMillis_ParsesBothAndKeepsTheLargest()
    {
        using var client = Dynalite.Client();
        var arn = await Dynalite.CreateOrdersTableAsync(client, TestArns.Unique("epoch"),
        [
            Dynalite.Order(1, "placedAt", new AttributeValue { N = Newest.AddHours(-1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            Dynalite.Order(2, "placedAt", new AttributeValue { N = Newest.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        ]);

        var result = await new DynamoDbValidator(client, 2).ValidateAsync(Context(arn, "placedAt"), CancellationToken.None);

        result.NewestRecordAt.Should().Be(Newest);
    }

    [Fact]
    public async Task Validate_EmptyTable_FailsItemCountNamingTheMinimum()
    {
        using var client = Dynalite.Client();
        var arn = await Dynalite.CreateOrdersTableAsync(client, TestArns.Unique("empty"), []);

        var result = await new DynamoDbValidator(client, 2).ValidateAsync(Context(arn), CancellationToken.None);

        result.Checks.Should().ContainSingle(c => c.Name == "dynamodb.itemCount").Which.Should().Match<DrillCheck>(c =>
            c.Status == DrillCheck.Failed && c.Detail.Contains("0 items, fewer than the minimum 1"));
    }

    [Fact]
    public async Task Validate_NoItemHasTheAttribute_FailsNewestRecordNamingTheSetting()
    {
        using var client = Dynalite.Client();
        var arn = await Dynalite.CreateOrdersTableAsync(client, TestArns.Unique("noattr"),
            Enumerable.Range(0, 5).Select(i => Dynalite.Order(i, "other", new AttributeValue { S = "x" })));

        var result = await new DynamoDbValidator(client, 2).ValidateAsync(Context(arn), CancellationToken.None);

        result.Checks.Should().Contain(c => c.Name == "dynamodb.newestRecord" && c.Status == DrillCheck.Failed && c.Detail.Contains("DYNAMODB_TIMESTAMP_ATTRIBUTE"));
        result.RecordCount.Should().Be(5);
    }

    [Fact]
    public async Task Validate_ArnOfAnotherAccount_RefusesToScan()
    {
        using var client = Dynalite.Client();
        var table = TestArns.Unique("foreign");
        await Dynalite.CreateOrdersTableAsync(client, table, [Dynalite.Order(1, "createdAt", new AttributeValue { S = Newest.ToString("O") })]);
        var foreignArn = $"arn:aws:dynamodb:{TestArns.Region}:999999999999:table/{table}";

        var result = await new DynamoDbValidator(client, 2).ValidateAsync(Context(foreignArn), CancellationToken.None);

        result.DataValidated.Should().BeFalse();
        result.Checks.Should().ContainSingle().Which.Name.Should().Be("dynamodb.arnMatchesJob");
    }

    [Fact]
    public async Task Validate_TableThatDoesNotExist_ThrowsResourceNotFound()
    {
        using var client = Dynalite.Client();
        var arn = $"arn:aws:dynamodb:{TestArns.Region}:{TestArns.Account}:table/{TestArns.Unique("missing")}";

        var act = () => new DynamoDbValidator(client, 2).ValidateAsync(Context(arn), CancellationToken.None);

        await act.Should().ThrowAsync<ResourceNotFoundException>();
    }
}
