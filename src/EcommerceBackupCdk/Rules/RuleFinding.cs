namespace EcommerceBackupCdk.Rules;

/// <summary>One problem an <see cref="IServiceRule"/> found.</summary>
/// <param name="Resource">The resource at fault.</param>
/// <param name="Property">The property path, e.g. <c>KeyPolicy.Statement[AllowPublishByevents].Condition</c>.</param>
/// <param name="Value">The value found there (short, as JSON or text).</param>
/// <param name="Problem">What the AWS service does with it.</param>
/// <param name="Fix">What to change.</param>
public sealed record RuleFinding(RuleResource Resource, string Property, string Value, string Problem, string Fix);
