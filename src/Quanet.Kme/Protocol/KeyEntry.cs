using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quanet.Kme.Protocol;

/// <summary>One element of <see cref="KeyContainer.Keys"/>: a key ID (UUID) and the key (base64).</summary>
public sealed class KeyEntry
{
    /// <summary>The key ID, a UUID in canonical text form.</summary>
    [JsonPropertyName("key_ID")]
    public string KeyId { get; set; } = "";

    /// <summary>Optional key ID extension.</summary>
    [JsonPropertyName("key_ID_extension")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? KeyIdExtension { get; set; }

    /// <summary>The key material, base64 (RFC 4648).</summary>
    [JsonPropertyName("key")]
    public string Key { get; set; } = "";

    /// <summary>Optional key extension.</summary>
    [JsonPropertyName("key_extension")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? KeyExtension { get; set; }
}
