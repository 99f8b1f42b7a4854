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
    public static TheoryData<string, string> PublicFaces() => new()
    {
        { DrillValidatorContract.Handler, Function.HandlerString },
        { EvidenceIndexFunction.Handler, EvidenceFunction.HandlerString },
        { RecoveryContract.Handler, RecoveryFunction.HandlerString },
        { DrillValidatorContract.MetricNamespace, DrillMetricNames.Namespace },
        { DrillValidatorContract.StoreDimension, DrillMetricNames.StoreDimension },
        { DrillValidatorContract.ResourceTypeDimension, DrillMetricNames.ResourceTypeDimension },
        { DrillValidatorContract.RestoreDurationSeconds, DrillMetricNames.RestoreDurationSeconds },
        { DrillValidatorContract.RecoveryPointAgeSeconds, DrillMetricNames.RecoveryPointAgeSeconds },
        { DrillValidatorContract.DataFreshnessSeconds, DrillMetricNames.DataFreshnessSeconds },
        { DrillValidatorContract.Success, DrillMetricNames.Success },
        { DrillValidatorContract.ReportPrefix, BucketPrefixes.DrillReports },
        { DrillValidatorContract.RestoreTestTagKey, RestoreTestNames.TagKey },
        { DrillValidatorContract.TemporaryInstanceSuffix, RestoreTestNames.TemporaryInstanceSuffix },
        { DrillValidatorContract.HandlerLogFormatVariable, DrillVariables.HandlerLogFormat },
        { RecoveryContract.RestoredPrefix, RestoreTestNames.RecoveryPrefix },
        { RecoveryContract.ExecutionTag, RestoreTestNames.RecoveryExecutionTag },
        { RecoveryContract.ReportPrefix, BucketPrefixes.RecoveryReports },
        { RecoveryContract.LatestReportKey, BucketPrefixes.LatestRecoveryReport },
        { RecoveryContract.BackupRoleEnvironment, RecoveryVariables.BackupRestoreRoleArn },
        { RecoveryContract.AuroraInstanceClassEnvironment, RecoveryVariables.AuroraInstanceClass },
        { RecoveryContract.MetricNamespace, RecoveryMetricNames.Namespace },
        { RecoveryContract.FullStackRtoSeconds, RecoveryMetricNames.FullStackRtoSeconds },
        { RecoveryContract.ResourceRtoSeconds, RecoveryMetricNames.ResourceRtoSeconds },
        { RecoveryContract.Success, RecoveryMetricNames.Success },
        { EvidenceLayout.DrillsPrefix + "/", BucketPrefixes.DrillReports },
        { EvidenceLayout.ReportsPrefix + "/", BucketPrefixes.AuditReports },
        { EvidenceLayout.TrailPrefix + "/", BucketPrefixes.Trail },
        { EvidenceLayout.IndexPrefix + "/", BucketPrefixes.EvidenceIndex },
    };

    [Theory]
    [MemberData(nameof(PublicFaces))]
    public void PublicMember_StandsForTheContractValue(string library, string contract) => library.Should().Be(contract);

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
