namespace EcommerceBackupCdk.Rules;

/// <summary>
/// One service-side rule: something an AWS service enforces at deploy or run time that neither cfn-lint (schema) nor
/// cdk-nag (security posture) checks. <see cref="ServiceRules"/> runs every rule on every stack at synth time.
/// </summary>
/// <remarks>
/// <para><b>Writing a rule</b> (one rule per file in <c>Rules/</c>, the file and class named after the rule):</para>
/// <list type="number">
/// <item>Implement this interface in an <c>internal sealed class</c>. <see cref="Id"/> is the class name; it is what
/// users see in front of each finding.</item>
/// <item>Put the AWS documentation URL and the quoted sentence the rule enforces in the class's XML doc, looked up,
/// not remembered.</item>
/// <item>In <see cref="Check"/>, read the stack through <see cref="RuleTemplate"/>: its resources carry the resolved
/// CloudFormation properties as JSON (intrinsics such as <c>Ref</c> and <c>Fn::GetAtt</c> stay as they are;
/// <see cref="RuleTemplate.Referenced"/> follows them to the resource). Property names may come in camelCase or
/// PascalCase, so read them with <see cref="RuleJson.Get"/>. Skip what is unknown at synth time; never guess.</item>
/// <item>Return one <see cref="RuleFinding"/> per problem, naming the property, the value found and the fix. The
/// runner adds the rule id, the resource path and its type.</item>
/// <item>Add the rule to <see cref="ServiceRules.Default"/>, and a compliant and a non-compliant test in
/// <c>test/EcommerceBackupCdk.Tests/Rules/</c> (the non-compliant one asserting the message).</item>
/// </list>
/// </remarks>
public interface IServiceRule
{
    /// <summary>The rule's name, printed in front of each finding (the class name, e.g. <c>SnsKeyEventBridgeGrant</c>).</summary>
    string Id { get; }

    /// <summary>Checks one synthesized stack; returns nothing when it complies.</summary>
    IEnumerable<RuleFinding> Check(RuleTemplate template);
}
