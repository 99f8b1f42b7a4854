namespace EcommerceBackupCdk.Posture;

/// <summary>One rule of a tier as the report shows it.</summary>
/// <param name="Name">Rule name; <c>Continuous</c> for continuous backup.</param>
/// <param name="Schedule">The cron expression.</param>
/// <param name="WorstCaseInterval">The longest gap between two runs (for continuous backup: the continuous RPO).</param>
/// <param name="Retention">How long recovery points stay in the primary vault.</param>
/// <param name="MoveToColdStorageAfter">When they move to cold storage, or null.</param>
/// <param name="Copies">Copies of each recovery point.</param>
public sealed record RulePosture(string Name, string Schedule, TimeSpan WorstCaseInterval, TimeSpan Retention, TimeSpan? MoveToColdStorageAfter, IReadOnlyList<CopyPosture> Copies);
