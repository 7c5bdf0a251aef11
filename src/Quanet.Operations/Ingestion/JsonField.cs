using System.Text.Json;

namespace Quanet.Operations.Ingestion;

/// <summary>
/// One scalar member captured while streaming a VES event: its JSON token type (None when absent)
/// and its value, so validation can run after the enclosing object ends, in a fixed field order.
/// </summary>
internal struct JsonField
{
    /// <summary>Token type of the value; <see cref="JsonTokenType.None"/> when the member is absent.</summary>
    public JsonTokenType Token;

    /// <summary>The string value (String tokens).</summary>
    public string? Text;

    /// <summary>The value as a double (Number tokens), valid when <see cref="IsDouble"/>.</summary>
    public double Number;

    /// <summary>The value as an integer (Number tokens), valid when <see cref="IsInteger"/>.</summary>
    public long Integer;

    /// <summary>Whether the number fits a double.</summary>
    public bool IsDouble;

    /// <summary>Whether the number is an integer that fits a long.</summary>
    public bool IsInteger;

    public readonly bool Present => Token != JsonTokenType.None;
}
