namespace Quanet.Operations.Inventory;

/// <summary>A physical site.</summary>
/// <param name="Id">Unique site id.</param>
/// <param name="Role">Role in the transport hierarchy.</param>
/// <param name="Latitude">Latitude in degrees (0 when unknown).</param>
/// <param name="Longitude">Longitude in degrees (0 when unknown).</param>
public sealed record NetworkSite(string Id, SiteRole Role, double Latitude, double Longitude);
