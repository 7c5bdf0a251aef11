using System.Text.Json.Serialization;

namespace Quanet.Kme.Control;

/// <summary>Source-generated JSON metadata for the documents KMEs and the controller exchange.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(LinkReport))]
[JsonSerializable(typeof(PathList))]
internal sealed partial class ControlJsonContext : JsonSerializerContext;
