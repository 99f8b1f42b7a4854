using System.Reflection;
using EcommerceBackupCdk.Compliance;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.RestoreDrill.Configuration;
using EcommerceBackupCdk.RestoreDrill.Evidence;
using EcommerceBackupCdk.RestoreDrill.Handlers;
using EcommerceBackupCdk.RestoreDrill.Metrics;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Contract;

/// <summary>
/// The CDK library cannot reference the Lambda project, so it mirrors the Lambda's names in
/// <see cref="DrillValidatorContract"/>. These tests hold both sides together: a renamed variable, metric or handler
/// fails here instead of in a deployed drill.
/// </summary>
public sealed class ConstructContractTests
{
    public static TheoryData<string, string> Pairs() => new()
    {
        { DrillValidatorContract.Handler, Function.HandlerString },
        { EvidenceIndexFunction.Handler, EvidenceFunction.HandlerString },
        { DrillValidatorContract.MetricNamespace, DrillMetrics.Namespace },
        { DrillValidatorContract.StoreDimension, DrillMetrics.StoreDimension },
        { DrillValidatorContract.ResourceTypeDimension, DrillMetrics.ResourceTypeDimension },
        { DrillValidatorContract.RestoreDurationSeconds, DrillMetrics.RestoreDurationSeconds },
        { DrillValidatorContract.RecoveryPointAgeSeconds, DrillMetrics.RecoveryPointAgeSeconds },
        { DrillValidatorContract.DataFreshnessSeconds, DrillMetrics.DataFreshnessSeconds },
        { DrillValidatorContract.Success, DrillMetrics.Success },
        { DrillValidatorContract.ReportPrefix, EcommerceBackupCdk.RestoreDrill.Reports.DrillReportKey.Prefix },
        { DrillValidatorContract.Environment.StoreName, DrillEnvironment.StoreName },
        { DrillValidatorContract.Environment.ReportBucket, DrillEnvironment.ReportBucket },
        { DrillValidatorContract.Environment.RestoreTestingPlanArns, DrillEnvironment.RestoreTestingPlanArns },
        { DrillValidatorContract.Environment.DefaultTier, DrillEnvironment.DefaultTier },
        { DrillValidatorContract.Environment.TierTargets, DrillEnvironment.TierTargets },
        { DrillValidatorContract.Environment.DynamoDbTimestampAttribute, DrillEnvironment.DynamoDbTimestampAttribute },
        { DrillValidatorContract.Environment.MinimumRecordCount, DrillEnvironment.MinimumRecordCount },
        { DrillValidatorContract.Environment.SqlPreset, DrillEnvironment.SqlPreset },
        { DrillValidatorContract.Environment.SqlCustomQuery, DrillEnvironment.SqlCustomQuery },
        { DrillValidatorContract.Environment.SqlTablePrefix, DrillEnvironment.SqlTablePrefix },
        { DrillValidatorContract.Environment.SqlDatabase, DrillEnvironment.SqlDatabase },
        { DrillValidatorContract.Environment.DbSecretArn, DrillEnvironment.DbSecretArn },
        { DrillValidatorContract.Environment.ResourceSettings, DrillEnvironment.ResourceSettings },
        { DrillValidatorContract.Environment.ValidationTimeoutSeconds, DrillEnvironment.ValidationTimeoutSeconds },
        { DrillValidatorContract.RestoreTestTagKey, EcommerceBackupCdk.RestoreDrill.Validators.TemporaryInstance.RestoreTestTagKey },
        { DrillValidatorContract.TemporaryInstanceSuffix, EcommerceBackupCdk.RestoreDrill.Validators.TemporaryInstance.Suffix },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Contract_ConstructAndLambda_AgreeOnEachName(string construct, string lambda) => construct.Should().Be(lambda);

    [Theory]
    [InlineData(DrillValidatorContract.Handler)]
    [InlineData(EvidenceIndexFunction.Handler)]
    public void Handler_String_ResolvesToAStreamToStreamMethod(string handler)
    {
        var parts = handler.Split("::");
        parts.Should().HaveCount(3);
        var assembly = typeof(Function).Assembly;
        assembly.GetName().Name.Should().Be(parts[0]);
        DrillValidatorContract.Assembly.Should().Be(parts[0] + ".dll");

        var method = assembly.GetType(parts[1], throwOnError: true)!.GetMethod(parts[2], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);

        method.Should().NotBeNull();
        method!.ReturnType.Should().Be<Stream>();
        method.GetParameters().Select(p => p.ParameterType).Should().Equal(typeof(Stream));
    }
}
