using Quanet.Planning.Geography;
using Quanet.Planning.Placement;

namespace Quanet.Planning.Artifacts;

/// <summary>A site as another tool reads it back from a plan directory's <c>plan.geojson</c>.</summary>
/// <param name="Id">Site id.</param>
/// <param name="Name">Site name.</param>
/// <param name="Location">Position.</param>
/// <param name="PopulationCovered">People it serves as nearest covering site.</param>
/// <param name="RadiusMetres">Coverage radius, m; 0 where the file does not say (no coverage area is drawn then).</param>
/// <param name="Cost">Build cost, as the candidate had it (default 1).</param>
/// <param name="HeightMetres">Antenna height above ground, m; 0 where the file does not say.</param>
/// <param name="Flag">The candidate's flag (default free).</param>
public sealed record PlanSite(string Id, string Name, GeoPoint Location, double PopulationCovered, double RadiusMetres = 0, double Cost = 1, double HeightMetres = 0, SiteFlag Flag = SiteFlag.Free);
