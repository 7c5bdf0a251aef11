using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quanet.Kme.Protocol;

/// <summary>The Key request data format of ETSI GS QKD 014 V1.1.1 clause 6.2 (body of <c>POST .../enc_keys</c>).</summary>
public sealed class KeyRequest
{
    /// <summary>Number of keys requested; absent means 1.</summary>
    [JsonPropertyName("number")]
    public int? Number { get; set; }

    /// <summary>Size of each key in bits (a multiple of 8); absent means the KME's default.</summary>
    [JsonPropertyName("size")]
    public int? Size { get; set; }

    /// <summary>Further slave SAEs that receive the same keys (key multicast).</summary>
    [JsonPropertyName("additional_slave_SAE_IDs")]
    public IList<string>? AdditionalSlaveSaeIds { get; set; }

    /// <summary>Extensions the KME must honour or reject the request.</summary>
    [JsonPropertyName("extension_mandatory")]
    public IList<JsonElement>? ExtensionMandatory { get; set; }

    /// <summary>Extensions the KME may ignore.</summary>
    [JsonPropertyName("extension_optional")]
    public IList<JsonElement>? ExtensionOptional { get; set; }
}
