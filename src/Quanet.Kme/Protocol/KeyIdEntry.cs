using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quanet.Kme.Protocol;

/// <summary>One element of <see cref="KeyIds.Ids"/>.</summary>
public sealed class KeyIdEntry
{
    /// <summary>The key ID (UUID).</summary>
    [JsonPropertyName("key_ID")]
    public string? KeyId { get; set; }

    /// <summary>Optional key ID extension.</summary>
    [JsonPropertyName("key_ID_extension")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? KeyIdExtension { get; set; }
}
