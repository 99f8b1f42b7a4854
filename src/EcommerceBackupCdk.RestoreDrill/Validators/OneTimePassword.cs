using System.Security.Cryptography;

namespace EcommerceBackupCdk.RestoreDrill.Validators;

/// <summary>
/// A random master password for a restored (throw-away) database. It is generated, set and used inside one validator
/// invocation and never written anywhere: not logged, not in the report, not returned to the drill flow.
/// </summary>
/// <remarks>
/// RDS API reference, ModifyDBInstance MasterUserPassword: "Can include any printable ASCII character except "/",
/// """, or "@"" and, for MySQL/MariaDB, "Must contain from 8 to 41 characters"
/// (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBInstance.html). 32 letters and digits fit
/// every engine.
/// </remarks>
public static class OneTimePassword
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>Length of the generated password.</summary>
    public const int Length = 32;

    /// <summary>A fresh password from the system's cryptographic random generator.</summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);
}
