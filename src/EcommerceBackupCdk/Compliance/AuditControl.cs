namespace EcommerceBackupCdk.Compliance;

/// <summary>One Audit Manager control of a framework, with its input parameters in the order they are written.</summary>
/// <param name="Name">The control name, one of <see cref="BackupControls"/>.</param>
/// <param name="Parameters">Input parameters, name to value; empty when the control takes none.</param>
/// <param name="Reason">Where the parameters come from, in words, for reviewers and the evidence index.</param>
public sealed record AuditControl(string Name, IReadOnlyList<KeyValuePair<string, string>> Parameters, string Reason)
{
    /// <summary>The value of a parameter, or null when the control does not set it.</summary>
    public string? this[string parameter] => Parameters.FirstOrDefault(p => p.Key == parameter).Value;
}
