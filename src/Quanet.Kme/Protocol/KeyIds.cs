using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quanet.Kme.Protocol;

/// <summary>The Key IDs data format of ETSI GS QKD 014 V1.1.1 clause 6.4 (body of <c>POST .../dec_keys</c>).</summary>
public sealed class KeyIds
{
    /// <summary>The requested key IDs.</summary>
    [JsonPropertyName("key_IDs")]
    public IList<KeyIdEntry>? Ids { get; set; }

    /// <summary>Optional extension object.</summary>
    [JsonPropertyName("key_IDs_extension")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? KeyIdsExtension { get; set; }
}
