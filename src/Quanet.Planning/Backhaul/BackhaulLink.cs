namespace Quanet.Planning.Backhaul;

/// <summary>One fibre link of the design.</summary>
/// <param name="From">Node id at one end (towards the PoP).</param>
/// <param name="To">Node id at the other end.</param>
/// <param name="LengthKm">Great-circle length in kilometres.</param>
/// <param name="Cost">Cost in the plan's cost unit.</param>
/// <param name="Existing">True if the link reuses existing fibre.</param>
/// <param name="FromLat">Latitude of <paramref name="From"/>.</param>
/// <param name="FromLon">Longitude of <paramref name="From"/>.</param>
/// <param name="ToLat">Latitude of <paramref name="To"/>.</param>
/// <param name="ToLon">Longitude of <paramref name="To"/>.</param>
public sealed record BackhaulLink(string From, string To, double LengthKm, double Cost, bool Existing, double FromLat, double FromLon, double ToLat, double ToLon);
