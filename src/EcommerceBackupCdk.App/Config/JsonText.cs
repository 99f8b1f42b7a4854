using System.Text.Json;

namespace EcommerceBackupCdk.App.Config;

/// <summary>A JSON value shown in a message as written: strings in single quotes, everything else raw.</summary>
internal sealed record JsonText(JsonElement Value)
{
    public override string ToString() =>
        Value.ValueKind == JsonValueKind.String ? $"'{Value.GetString()}'" : Value.GetRawText();
}
