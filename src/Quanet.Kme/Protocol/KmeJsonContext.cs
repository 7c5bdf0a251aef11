using System.Text.Json.Serialization;

namespace Quanet.Kme.Protocol;

/// <summary>Source-generated JSON metadata for every document the KME reads or writes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(KeyStatus))]
[JsonSerializable(typeof(KeyRequest))]
[JsonSerializable(typeof(KeyContainer))]
[JsonSerializable(typeof(KeyIds))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(Peering.PeerKeyBatch))]
[JsonSerializable(typeof(Peering.PoolBatch))]
[JsonSerializable(typeof(Peering.HandshakeInit))]
[JsonSerializable(typeof(Peering.HandshakeReply))]
[JsonSerializable(typeof(Relay.RelayBatch))]
[JsonSerializable(typeof(Relay.RelayReply))]
internal sealed partial class KmeJsonContext : JsonSerializerContext;
