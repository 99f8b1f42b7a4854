namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>The one Secrets Manager operation the validator uses. <c>AWSSDK.SecretsManager</c> can replace <see cref="SecretsManagerApiClient"/> behind this.</summary>
public interface ISecretsApi
{
    /// <summary>GetSecretValue; returns SecretString (binary secrets are refused with a clear error).</summary>
    Task<string> GetSecretStringAsync(string secretId, CancellationToken cancellationToken);
}
