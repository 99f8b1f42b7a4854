namespace EcommerceBackupCdk.App;

/// <summary>
/// Recognises the error <c>app.Synth()</c> raises when construct validations fail. aws-cdk-lib collects every
/// <c>node.addValidation</c> finding and throws one error whose message starts with "Validation failed with the
/// following errors:" followed by one "[construct path] message" line each (<c>validateTree</c> in
/// <c>aws-cdk-lib/core/lib/private/synthesis.js</c>); through jsii it arrives in .NET as an exception carrying that
/// message. Anything else is not a finding and is left to propagate.
/// </summary>
internal static class SynthValidation
{
    public const string Marker = "Validation failed with the following errors";

    /// <summary>The findings text (marker line and one line per finding), or null when <paramref name="e"/> is not a validation failure.</summary>
    public static string? Findings(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        for (var x = (Exception?)e; x is not null; x = x.InnerException)
        {
            var at = x.Message.IndexOf(Marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                // jsii may append the JavaScript stack after the findings; keep the findings only.
                var lines = x.Message[at..].Split('\n')
                    .TakeWhile(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal))
                    .Select(l => l.TrimEnd());
                return string.Join(System.Environment.NewLine, lines).TrimEnd();
            }
        }

        return null;
    }
}
