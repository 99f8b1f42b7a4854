using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;

namespace EcommerceBackupCdk.App.Config;

/// <summary>
/// Finds the <c>ecommerceBackup</c> config: from the context the CDK CLI hands over when it runs the app (cdk.json
/// context, <c>-c</c> overrides), else from context set on the app in code, else — for <c>dotnet run</c> — from the
/// <c>context</c> of the nearest cdk.json above the working directory.
/// </summary>
/// <remarks>
/// The CLI's context is read as the JSON the CLI wrote, not through <c>app.Node.TryGetContext</c>: that value crosses
/// the jsii bridge, which drops members whose value is <c>null</c>, so <c>"Daily": null</c> (remove the rule) would
/// silently keep the rule. The CLI writes the context into the environment variable <c>CDK_CONTEXT_JSON</c> and, when it
/// does not fit, the rest into the JSON file named by <c>CONTEXT_OVERFLOW_LOCATION_ENV</c>; aws-cdk-lib's <c>App</c>
/// reads exactly these two (<c>readContextFromEnvironment</c>, <c>readContextFromTempFile</c> in
/// <c>aws-cdk-lib/core/lib/app.js</c>; the CLI side is <c>writeContextToEnv</c> in the toolkit's <c>prepare-source.ts</c>).
/// </remarks>
internal static class ConfigSource
{
    /// <summary>The environment variable the CDK CLI writes the context JSON into.</summary>
    public const string ContextEnvironmentVariable = "CDK_CONTEXT_JSON";

    /// <summary>The environment variable naming the file with the context that did not fit into <see cref="ContextEnvironmentVariable"/>.</summary>
    public const string ContextOverflowEnvironmentVariable = "CONTEXT_OVERFLOW_LOCATION_ENV";

    public static string Find(Amazon.CDK.App app, string workingDirectory)
    {
        if (FromCliContext(System.Environment.GetEnvironmentVariable(ContextEnvironmentVariable),
                System.Environment.GetEnvironmentVariable(ContextOverflowEnvironmentVariable)) is { } fromCli)
        {
            return fromCli;
        }

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

    /// <summary>
    /// The <c>ecommerceBackup</c> value of the context the CLI handed over, exactly as written (nulls kept); a string
    /// value (<c>-c ecommerceBackup='{...}'</c>) is the config's JSON text. Null when the CLI gave no such key.
    /// </summary>
    public static string? FromCliContext(string? contextJson, string? overflowFile)
    {
        foreach (var source in new[] { contextJson, overflowFile is { Length: > 0 } && File.Exists(overflowFile) ? File.ReadAllText(overflowFile) : null })
        {
            if (string.IsNullOrWhiteSpace(source))
            {
                continue;
            }

            JsonNode? root;
            try
            {
                root = JsonNode.Parse(source);
            }
            catch (JsonException e)
            {
                throw new Validation.BackupConfigurationException($"The context the CDK CLI handed over is not valid JSON ({e.Message}).");
            }

            if (root is JsonObject o && o.TryGetPropertyValue(ConfigReader.ContextKey, out var value) && value is not null)
            {
                return value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value.ToJsonString();
            }
        }

        return null;
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

    // Context set in code crosses jsii as Newtonsoft tokens, dictionaries or strings.
    private static string ToJson(object value) => value switch
    {
        string s => s,
        Newtonsoft.Json.Linq.JToken token => token.ToString(Newtonsoft.Json.Formatting.None),
        _ => Newtonsoft.Json.JsonConvert.SerializeObject(value),
    };
}
