using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;

namespace EcommerceBackupCdk.App.Config;

/// <summary>
/// Finds the <c>ecommerceBackup</c> config: from the CDK context when the CDK CLI runs the app (cdk.json context,
/// <c>-c</c> overrides), else — for <c>dotnet run</c> — from the <c>context</c> of the nearest cdk.json above the
/// working directory.
/// </summary>
internal static class ConfigSource
{
    public static string Find(Amazon.CDK.App app, string workingDirectory)
    {
        var fromContext = app.Node.TryGetContext(ConfigReader.ContextKey);
        if (fromContext is not null)
        {
            return ToJson(fromContext);
        }

        var cdkJson = FindCdkJson(workingDirectory)
            ?? throw new Validation.BackupConfigurationException(
                $"No '{ConfigReader.ContextKey}' context was given and no cdk.json was found in '{workingDirectory}' or above it; run from the repository or pass -c {ConfigReader.ContextKey}='{{...}}'.");
        var node = JsonNode.Parse(File.ReadAllText(cdkJson), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })
            ?["context"]?[ConfigReader.ContextKey]
            ?? throw new Validation.BackupConfigurationException($"{cdkJson} has no context.{ConfigReader.ContextKey} key.");
        return node.ToJsonString();
    }

    public static string? FindCdkJson(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "cdk.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    // The jsii runtime hands JSON context over as Newtonsoft tokens, dictionaries or (for -c key=value) strings.
    private static string ToJson(object value) => value switch
    {
        string s => s,
        Newtonsoft.Json.Linq.JToken token => token.ToString(Newtonsoft.Json.Formatting.None),
        _ => Newtonsoft.Json.JsonConvert.SerializeObject(value),
    };
}
