using Quanet.Core.Units;
using Quanet.Planning.Placement;

namespace Quanet.Planning.Geography;

/// <summary>A place a mast could go.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Name">Display name.</param>
/// <param name="Location">Position.</param>
/// <param name="Cost">Build cost (any currency unit; grid candidates cost 1).</param>
/// <param name="Height">Antenna height above ground.</param>
/// <param name="Flag">Free, fixed (existing mast) or forbidden.</param>
public sealed record CandidateSite(string Id, string Name, GeoPoint Location, double Cost, Metres Height, SiteFlag Flag);
