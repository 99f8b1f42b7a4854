using System.Text.Json.Nodes;

namespace EcommerceBackupCdk.Tests.Monitoring;

/// <summary>
/// The AWS Backup example events of the AWS Backup Developer Guide, "Monitoring AWS Backup events using Amazon
/// EventBridge" (https://docs.aws.amazon.com/aws-backup/latest/devguide/eventbridge.html), stored verbatim in
/// Monitoring/Samples.
/// </summary>
internal static class Samples
{
    public static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Monitoring", "Samples", name + ".json")))!.AsObject();
}
