namespace Quanet.Planning.Geography;

/// <summary>A point of demand: people (or traffic) at a location.</summary>
/// <param name="Id">Identifier (GeoNames id for places).</param>
/// <param name="Name">Display name.</param>
/// <param name="Weight">Demand weight, usually population; non-negative.</param>
/// <param name="Location">Position.</param>
public sealed record DemandPoint(string Id, string Name, double Weight, GeoPoint Location);
