using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quanet.Kme.Protocol;

/// <summary>The Status data format of ETSI GS QKD 014 V1.1.1 clause 6.1 (answer to <c>GET .../status</c>).</summary>
public sealed class KeyStatus
{
    /// <summary>KME ID of the KME answering the request.</summary>
    [JsonPropertyName("source_KME_ID")]
    public string SourceKmeId { get; set; } = "";

    /// <summary>KME ID of the KME to which the slave SAE is attached.</summary>
    [JsonPropertyName("target_KME_ID")]
    public string TargetKmeId { get; set; } = "";

    /// <summary>SAE ID of the calling master SAE.</summary>
    [JsonPropertyName("master_SAE_ID")]
    public string MasterSaeId { get; set; } = "";

    /// <summary>SAE ID of the specified slave SAE.</summary>
    [JsonPropertyName("slave_SAE_ID")]
    public string SlaveSaeId { get; set; } = "";

    /// <summary>Default size of a key in bits.</summary>
    [JsonPropertyName("key_size")]
    public int KeySize { get; set; }

    /// <summary>Number of keys of the default size available to the master SAE now.</summary>
    [JsonPropertyName("stored_key_count")]
    public long StoredKeyCount { get; set; }

    /// <summary>Maximum number of keys of the default size the KME can store for this pair.</summary>
    [JsonPropertyName("max_key_count")]
    public long MaxKeyCount { get; set; }

    /// <summary>Maximum number of keys per request.</summary>
    [JsonPropertyName("max_key_per_request")]
    public int MaxKeyPerRequest { get; set; }

    /// <summary>Maximum key size in bits.</summary>
    [JsonPropertyName("max_key_size")]
    public int MaxKeySize { get; set; }

    /// <summary>Minimum key size in bits.</summary>
    [JsonPropertyName("min_key_size")]
    public int MinKeySize { get; set; }

    /// <summary>Maximum number of additional slave SAEs in one request (0: multicast not supported).</summary>
    [JsonPropertyName("max_SAE_ID_count")]
    public int MaxSaeIdCount { get; set; }

    /// <summary>Optional extension object (none defined by this KME).</summary>
    [JsonPropertyName("status_extension")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? StatusExtension { get; set; }
}
