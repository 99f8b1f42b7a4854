using System.Globalization;
using System.Text.Json;

namespace EcommerceBackupCdk.RestoreDrill.Validators.Sql;

/// <summary>
/// Credentials from an RDS-style secret: {"username":..., "password":..., "dbname":...}. Host and port in the
/// secret point at production and are deliberately ignored.
/// </summary>
public sealed record DbCredentials(string Username, string Password, string? DbName)
{
    public static DbCredentials Parse(string secretString, string secretArn)
    {
        try
        {
            using var doc = JsonDocument.Parse(secretString);
            var root = doc.RootElement;
            string? Read(string name) =>
                root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v)
                    ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null
                    : null;
            var username = Read("username");
            var password = Read("password");
            if (string.IsNullOrEmpty(username) || password is null)
            {
                throw new InvalidDataException($"secret '{secretArn}' has no string 'username' and 'password'; store the database credentials as the RDS secret JSON {{\"username\":...,\"password\":...}}");
            }

            return new DbCredentials(username, password, Read("dbname"));
        }
        catch (JsonException)
        {
            // The parser's message may quote the secret; do not pass it on.
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"secret '{secretArn}' is not JSON; store the database credentials as the RDS secret JSON {{\"username\":...,\"password\":...}}"));
        }
    }

    public override string ToString() => $"{Username} (password hidden)";
}
