namespace EcommerceBackupCdk.App.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repo
{
    static Repo()
    {
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "18,20");
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1");
    }

    public static string Root { get; } = FindRoot();

    public static string CdkJson => Path.Combine(Root, "cdk.json");

    public static string Path_(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EcommerceBackupCdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"EcommerceBackupCdk.sln not found above {AppContext.BaseDirectory}");
    }
}
