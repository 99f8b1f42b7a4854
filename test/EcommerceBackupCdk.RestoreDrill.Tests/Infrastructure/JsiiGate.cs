namespace EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

/// <summary>
/// One jsii call at a time in this test assembly: the .NET jsii runtime talks to one node process over one pipe, and
/// two test collections synthesizing at once interleave its request/response lines (seen as
/// "The given key '$jsii.byref' was not present in the dictionary" and StreamReader errors). Every synthesis here runs
/// under this lock and hands plain data to its tests.
/// </summary>
internal static class JsiiGate
{
    private static readonly Lock Gate = new();

    public static T Run<T>(Func<T> synthesize)
    {
        lock (Gate)
        {
            return synthesize();
        }
    }
}
