namespace EcommerceBackupCdk.RestoreDrill.Reports;

/// <summary>One check of a drill: a stable dotted name (e.g. "dynamodb.tableActive"), PASSED | FAILED | SKIPPED, and a human detail.</summary>
public sealed record DrillCheck(string Name, string Status, string Detail)
{
    public const string Passed = "PASSED";
    public const string Failed = "FAILED";
    public const string Skipped = "SKIPPED";

    public static DrillCheck Pass(string name, string detail) => new(name, Passed, detail);

    public static DrillCheck Fail(string name, string detail) => new(name, Failed, detail);

    public static DrillCheck Skip(string name, string detail) => new(name, Skipped, detail);
}
