using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quanet.Kme.Protocol;

/// <summary>The Key container data format of ETSI GS QKD 014 V1.1.1 clause 6.3.</summary>
public sealed class KeyContainer
{
    /// <summary>The delivered keys.</summary>
    [JsonPropertyName("keys")]
    public IList<KeyEntry> Keys { get; set; } = [];

    /// <summary>Optional extension object (none defined by this KME).</summary>
    [JsonPropertyName("key_container_extension")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? KeyContainerExtension { get; set; }
}
