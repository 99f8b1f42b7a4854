using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using EcommerceBackupCdk.RestoreDrill.Aws;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

/// <summary>Creates real RDS instances, clusters and secrets in moto_server through its AWS APIs (signed, from C#).</summary>
public static class MotoApi
{
    public static AwsClientOptions Options(Uri? endpoint = null) => new()
    {
        Region = TestArns.Region,
        Endpoint = endpoint ?? TestServices.MotoEndpoint,
        Credentials = _ => Task.FromResult(LocalAwsServer.Credentials),
        MaxAttempts = 3,
        AttemptTimeout = TimeSpan.FromSeconds(10),
        OverallDeadline = TimeSpan.FromSeconds(30),
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(50),
    };

    public static async Task<string> CreateDbInstanceAsync(string id, string engine, bool encrypted, string? dbName = "shop", string? clusterId = null)
    {
        var parameters = new Dictionary<string, string>
        {
            ["DBInstanceIdentifier"] = id,
            ["DBInstanceClass"] = "db.t4g.micro",
            ["Engine"] = engine,
            ["StorageEncrypted"] = encrypted ? "true" : "false",
        };
        if (clusterId is null)
        {
            parameters["MasterUsername"] = "admin";
            parameters["MasterUserPassword"] = "source-password-1";
            parameters["AllocatedStorage"] = "20";
            if (dbName is not null)
            {
                parameters["DBName"] = dbName;
            }
        }
        else
        {
            parameters["DBClusterIdentifier"] = clusterId;
        }

        var doc = await QueryAsync("CreateDBInstance", parameters);
        return doc.Descendants().First(e => e.Name.LocalName == "DBInstanceArn").Value;
    }

    public static async Task<string> CreateDbClusterAsync(string id, string engine, bool encrypted, string databaseName = "shop", string masterUsername = "admin")
    {
        var doc = await QueryAsync("CreateDBCluster", new Dictionary<string, string>
        {
            ["DBClusterIdentifier"] = id,
            ["Engine"] = engine,
            ["MasterUsername"] = masterUsername,
            ["MasterUserPassword"] = "source-password-1",
            ["StorageEncrypted"] = encrypted ? "true" : "false",
            ["DatabaseName"] = databaseName,
        });
        return doc.Descendants().First(e => e.Name.LocalName == "DBClusterArn").Value;
    }

    public static async Task<string> CreateSecretAsync(string name, string secretString)
    {
        var sender = new AwsRequestSender("SecretsManager", "secretsmanager", "secretsmanager", AwsProtocol.Json11, Options());
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["Name"] = name, ["SecretString"] = secretString });
        var response = await sender.SendAsync(new AwsHttpRequest("CreateSecret", HttpMethod.Post, "/", body, "application/x-amz-json-1.1",
            new Dictionary<string, string> { ["X-Amz-Target"] = "secretsmanager.CreateSecret" }), CancellationToken.None);
        using var doc = JsonDocument.Parse(response.Body);
        return doc.RootElement.GetProperty("ARN").GetString()!;
    }

    private static async Task<XDocument> QueryAsync(string action, Dictionary<string, string> parameters)
    {
        var sender = new AwsRequestSender("RDS", "rds", "rds", AwsProtocol.Query, Options());
        var form = $"Action={action}&Version=2014-10-31&" + string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var response = await sender.SendAsync(new AwsHttpRequest(action, HttpMethod.Post, "/", Encoding.UTF8.GetBytes(form),
            "application/x-www-form-urlencoded; charset=utf-8", new Dictionary<string, string>()), CancellationToken.None);
        return XDocument.Parse(response.Body);
    }
}
