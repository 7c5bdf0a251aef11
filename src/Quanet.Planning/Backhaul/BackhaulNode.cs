namespace Quanet.Planning.Backhaul;

/// <summary>A site to connect or a core point of presence (PoP), in WGS84 degrees.</summary>
/// <param name="Id">Identifier as in the plan or the PoP file.</param>
/// <param name="Lat">Latitude in degrees.</param>
/// <param name="Lon">Longitude in degrees.</param>
public readonly record struct BackhaulNode(string Id, double Lat, double Lon);
