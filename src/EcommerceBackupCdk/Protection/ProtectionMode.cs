namespace EcommerceBackupCdk.Protection;

/// <summary>What <see cref="DataProtectionAspect"/> does with a resource that misses a guard-rail.</summary>
public enum ProtectionMode
{
    /// <summary>Set the missing property (PITR, versioning, lifecycle, retention, deletion protection, ...). The default.</summary>
    Enforce,

    /// <summary>Change nothing; fail synth naming the resource path and the property.</summary>
    Verify,
}
