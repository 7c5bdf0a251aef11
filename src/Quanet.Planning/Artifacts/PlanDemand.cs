using Quanet.Planning.Geography;

namespace Quanet.Planning.Artifacts;

/// <summary>A demand point as a plan directory's <c>plan.geojson</c> records it.</summary>
/// <param name="Demand">The point (id, name, population as weight, position).</param>
/// <param name="Covered">True when a chosen site covers it.</param>
public sealed record PlanDemand(DemandPoint Demand, bool Covered);
