namespace EcommerceBackupCdk.App;

/// <summary>
/// jsii runs the CDK in a Node child process and prints a large banner about the Node version on every start,
/// which buries real output. The child inherits these variables; a value the user set wins.
/// </summary>
internal static class NodeWarnings
{
    // The end-of-life variable takes the list of silenced major versions; the others any value.
    private static readonly (string Name, string Value)[] Variables =
    [
        ("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "18,20"),
        ("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1"),
        ("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1"),
    ];

    public static void Silence()
    {
        foreach (var (name, value) in Variables)
        {
            if (System.Environment.GetEnvironmentVariable(name) is null)
            {
                System.Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
