using System.Reflection;
using EcommerceBackupCdk.Compliance;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Recovery;
using EcommerceBackupCdk.RestoreDrill.Evidence;
using EcommerceBackupCdk.RestoreDrill.Handlers;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Contract;

/// <summary>
/// The library and the Lambda compile one contract source (<c>src/Shared/Contract</c>); the library exposes some of it
/// through public members (<see cref="DrillValidatorContract"/>, <see cref="RecoveryContract"/>,
/// <see cref="EvidenceLayout"/>). These tests hold each public member to the contract value it stands for (a member
/// pointed at the wrong constant fails here), and resolve every handler string to a Stream-to-Stream method. Whether the
/// construct and the Lambda agree on the environment is proven by <see cref="EnvironmentRoundTripTests"/>.
/// </summary>
public sealed class ConstructContractTests
{
    public static TheoryData<string, string, string> PublicFaces() => new()
    {
        { "DrillValidatorContract.Handler", DrillValidatorContract.Handler, Function.HandlerString },
        { "EvidenceIndexFunction.Handler", EvidenceIndexFunction.Handler, EvidenceFunction.HandlerString },
        { "RecoveryContract.Handler", RecoveryContract.Handler, RecoveryFunction.HandlerString },
        { "DrillValidatorContract.MetricNamespace", DrillValidatorContract.MetricNamespace, DrillMetricNames.Namespace },
        { "DrillValidatorContract.StoreDimension", DrillValidatorContract.StoreDimension, DrillMetricNames.StoreDimension },
        { "DrillValidatorContract.ResourceTypeDimension", DrillValidatorContract.ResourceTypeDimension, DrillMetricNames.ResourceTypeDimension },
        { "DrillValidatorContract.RestoreDurationSeconds", DrillValidatorContract.RestoreDurationSeconds, DrillMetricNames.RestoreDurationSeconds },
        { "DrillValidatorContract.RecoveryPointAgeSeconds", DrillValidatorContract.RecoveryPointAgeSeconds, DrillMetricNames.RecoveryPointAgeSeconds },
        { "DrillValidatorContract.DataFreshnessSeconds", DrillValidatorContract.DataFreshnessSeconds, DrillMetricNames.DataFreshnessSeconds },
        { "DrillValidatorContract.Success", DrillValidatorContract.Success, DrillMetricNames.Success },
        { "DrillValidatorContract.ReportPrefix", DrillValidatorContract.ReportPrefix, BucketPrefixes.DrillReports },
        { "DrillValidatorContract.RestoreTestTagKey", DrillValidatorContract.RestoreTestTagKey, RestoreTestNames.TagKey },
        { "DrillValidatorContract.TemporaryInstanceSuffix", DrillValidatorContract.TemporaryInstanceSuffix, RestoreTestNames.TemporaryInstanceSuffix },
        { "DrillValidatorContract.HandlerLogFormatVariable", DrillValidatorContract.HandlerLogFormatVariable, DrillVariables.HandlerLogFormat },
        { "RecoveryContract.RestoredPrefix", RecoveryContract.RestoredPrefix, RestoreTestNames.RecoveryPrefix },
        { "RecoveryContract.ExecutionTag", RecoveryContract.ExecutionTag, RestoreTestNames.RecoveryExecutionTag },
        { "RecoveryContract.ReportPrefix", RecoveryContract.ReportPrefix, BucketPrefixes.RecoveryReports },
        { "RecoveryContract.LatestReportKey", RecoveryContract.LatestReportKey, BucketPrefixes.LatestRecoveryReport },
        { "RecoveryContract.BackupRoleEnvironment", RecoveryContract.BackupRoleEnvironment, RecoveryVariables.BackupRestoreRoleArn },
        { "RecoveryContract.AuroraInstanceClassEnvironment", RecoveryContract.AuroraInstanceClassEnvironment, RecoveryVariables.AuroraInstanceClass },
        { "RecoveryContract.MetricNamespace", RecoveryContract.MetricNamespace, RecoveryMetricNames.Namespace },
        { "RecoveryContract.FullStackRtoSeconds", RecoveryContract.FullStackRtoSeconds, RecoveryMetricNames.FullStackRtoSeconds },
        { "RecoveryContract.ResourceRtoSeconds", RecoveryContract.ResourceRtoSeconds, RecoveryMetricNames.ResourceRtoSeconds },
        { "RecoveryContract.Success", RecoveryContract.Success, RecoveryMetricNames.Success },
        { "EvidenceLayout.DrillsPrefix", EvidenceLayout.DrillsPrefix + "/", BucketPrefixes.DrillReports },
        { "EvidenceLayout.ReportsPrefix", EvidenceLayout.ReportsPrefix + "/", BucketPrefixes.AuditReports },
        { "EvidenceLayout.TrailPrefix", EvidenceLayout.TrailPrefix + "/", BucketPrefixes.Trail },
        { "EvidenceLayout.IndexPrefix", EvidenceLayout.IndexPrefix + "/", BucketPrefixes.EvidenceIndex },
    };

    [Theory]
    [MemberData(nameof(PublicFaces))]
    public void PublicMember_StandsForTheContractValue(string member, string library, string contract) => library.Should().Be(contract, member);

    [Fact]
    public void PublicLists_AreTheContractLists()
    {
        DrillValidatorContract.FlowActions.Should().Equal(DrillFlowContract.Actions);
        DrillValidatorContract.SqlPresets.Should().Equal(SqlPresets.All);
    }

    [Fact]
    public void TransientError_IsTheExceptionTypeLambdaReports()
    {
        // Lambda reports an unhandled exception's type name as the error; the flow's Retry matches that name.
        DrillFlowContract.TransientError.Should().Be(nameof(TransientDrillException));
    }

    [Theory]
    [InlineData(DrillValidatorContract.Handler)]
    [InlineData(EvidenceIndexFunction.Handler)]
    [InlineData(RecoveryContract.Handler)]
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
