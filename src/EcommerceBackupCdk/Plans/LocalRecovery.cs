namespace EcommerceBackupCdk.Plans;

/// <summary>Where a resource's local point-in-time recovery comes from.</summary>
/// <param name="WorstCaseRpo">The worst-case RPO in the primary account and region.</param>
/// <param name="Source">What gives it, e.g. <c>DynamoDB point-in-time recovery (35d, guard-rails)</c> or <c>snapshot rule Daily</c>.</param>
/// <param name="Window">How far back a point-in-time restore reaches, or null when only snapshots exist.</param>
public sealed record LocalRecovery(TimeSpan WorstCaseRpo, string Source, TimeSpan? Window);
