using System.Text.Json.Serialization;

namespace Quanet.Kme.Protocol;

/// <summary>The Error data format of ETSI GS QKD 014 V1.1.1 clause 6.5.</summary>
public sealed class ErrorResponse
{
    /// <summary>Error message.</summary>
    [JsonPropertyName("message")]
    public string Message { get; set; } = "";

    /// <summary>Optional details, each an object with one or more name/value pairs.</summary>
    [JsonPropertyName("details")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IList<IDictionary<string, string>>? Details { get; set; }
}
