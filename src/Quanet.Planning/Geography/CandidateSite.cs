using Quanet.Core.Units;
using Quanet.Planning.Placement;

namespace Quanet.Planning.Geography;

/// <summary>A place a mast could go.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Name">Display name.</param>
/// <param name="Location">Position.</param>
/// <param name="Cost">Build cost, or for an existing site the cost of keeping it (any currency unit; grid candidates cost 1).</param>
/// <param name="Height">Antenna height above ground.</param>
/// <param name="Flag">Free, fixed (existing mast) or forbidden.</param>
public sealed record CandidateSite(string Id, string Name, GeoPoint Location, double Cost, Metres Height, SiteFlag Flag)
{
    /// <summary>Whether the site is on air today (flag <c>existing</c>): the solver keeps it (paying <see cref="Cost"/>) or removes it. <value>Default false.</value></summary>
    public bool Existing { get; init; }
}
