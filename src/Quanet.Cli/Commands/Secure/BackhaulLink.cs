namespace Quanet.Cli.Commands.Secure;

/// <summary>One backhaul link read from backhaul.geojson.</summary>
/// <param name="From">Site id at one end.</param>
/// <param name="To">Site id at the other end.</param>
/// <param name="LengthKm">Fibre length in km.</param>
/// <param name="Coordinates">The LineString's [lon, lat] positions.</param>
internal sealed record BackhaulLink(string From, string To, double LengthKm, IReadOnlyList<(double Lon, double Lat)> Coordinates);
