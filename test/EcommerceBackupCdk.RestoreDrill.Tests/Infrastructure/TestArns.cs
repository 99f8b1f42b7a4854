namespace EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

/// <summary>Account and region the local services answer for (moto's default account).</summary>
public static class TestArns
{
    public const string Region = "eu-central-1";
    public const string Account = "123456789012";
    public const string PlanArn = "arn:aws:backup:eu-central-1:123456789012:restore-testing-plan:acme_drills-1a2b3c";

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)];
}
