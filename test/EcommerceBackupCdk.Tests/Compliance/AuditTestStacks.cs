using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using EcommerceBackupCdk.Compliance;
using EcommerceBackupCdk.Tests.Support;

namespace EcommerceBackupCdk.Tests.Compliance;

/// <summary>Facade stacks with audit on, and readers for the framework controls of a template.</summary>
internal static class AuditTestStacks
{
    public static (EcommerceBackup Backup, Template Template) Facade(AuditOptions? audit = null, Func<EcommerceBackupProps, EcommerceBackupProps>? change = null)
    {
        var props = TestStacks.DemoProps() with { Audit = audit ?? new AuditOptions() };
        var (_, backup, template) = TestStacks.Facade(change is null ? props : change(props));
        return (backup, template);
    }

    public static JsonObject Framework(Template template, string name) =>
        Json.ResourcesOfType(template, "AWS::Backup::Framework")
            .Single(f => f["Properties"]!["FrameworkName"]!.GetValue<string>() == name)["Properties"]!.AsObject();

    /// <summary>The parameters of a control: name to value; null when the framework lacks the control.</summary>
    public static Dictionary<string, string>? Control(Template template, string framework, string control)
    {
        var found = Framework(template, framework)["FrameworkControls"]!.AsArray()
            .SingleOrDefault(c => c!["ControlName"]!.GetValue<string>() == control);
        return found?["ControlInputParameters"]?.AsArray()
            .ToDictionary(p => p!["ParameterName"]!.GetValue<string>(), p => p!["ParameterValue"]!.GetValue<string>())
            ?? (found is null ? null : []);
    }

    public static JsonObject Single(Template template, string type) => Json.ResourcesOfType(template, type).Single()["Properties"]!.AsObject();
}
