using System.Text.Json;

namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>Secrets Manager over JSON 1.1 (X-Amz-Target): exactly GetSecretValue.</summary>
public sealed class SecretsManagerApiClient : ISecretsApi
{
    private const string Service = "SecretsManager";
    private readonly AwsRequestSender _sender;

    public SecretsManagerApiClient(AwsClientOptions options)
    {
        _sender = new AwsRequestSender(Service, "secretsmanager", "secretsmanager", AwsProtocol.Json11, options);
    }

    public async Task<string> GetSecretStringAsync(string secretId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretId);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["SecretId"] = secretId });
        var request = new AwsHttpRequest("GetSecretValue", HttpMethod.Post, "/", body, "application/x-amz-json-1.1",
            new Dictionary<string, string> { ["X-Amz-Target"] = "secretsmanager.GetSecretValue" });
        var response = await _sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
        string? secret;
        try
        {
            using var doc = JsonDocument.Parse(response.Body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("the answer is not a JSON object");
            }

            secret = AwsJson.String(doc.RootElement, "SecretString");
            if (secret is null && doc.RootElement.TryGetProperty("SecretBinary", out _))
            {
                throw new AwsServiceException(Service, "GetSecretValue", response.StatusCode, "UnsupportedSecret",
                    $"secret '{secretId}' holds SecretBinary; the validator needs a JSON SecretString with username and password", response.RequestId, response.Attempts);
            }
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new AwsClientException(Service, "GetSecretValue", AwsClientException.MalformedResponse,
                $"{e.Message} (the {response.Body.Length}-character body is not shown: it may hold the secret)", response.Attempts, e);
        }

        return secret ?? throw new AwsClientException(Service, "GetSecretValue", AwsClientException.MalformedResponse,
            "the answer has no SecretString", response.Attempts);
    }
}
