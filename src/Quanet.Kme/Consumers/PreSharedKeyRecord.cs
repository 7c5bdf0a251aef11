using System.Text.Json.Serialization;

namespace Quanet.Kme.Consumers;

/// <summary>What may be logged or printed about a pre-shared key: its ID, parts, combiner and size; never the material.</summary>
/// <param name="KeyId">The QKD key's key_ID.</param>
/// <param name="Parts"><c>qkd</c> or <c>qkd+ml-kem-768</c>.</param>
/// <param name="Combiner">The combiner of a hybrid key, else null.</param>
/// <param name="SizeBits">Key size in bits.</param>
public sealed record PreSharedKeyRecord(
    [property: JsonPropertyName("key_ID")] string KeyId,
    [property: JsonPropertyName("parts")] string Parts,
    [property: JsonPropertyName("combiner")] string? Combiner,
    [property: JsonPropertyName("size")] int SizeBits);
