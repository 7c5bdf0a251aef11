namespace Quanet.Operations.Inventory;

/// <summary>A transport (backhaul) link between two sites.</summary>
/// <param name="Id">Unique link id.</param>
/// <param name="From">Site at one end.</param>
/// <param name="To">Site at the other end.</param>
/// <param name="LengthKm">Route length in kilometres.</param>
public sealed record TransportLink(string Id, string From, string To, double LengthKm)
{
    /// <summary>The site at the other end from <paramref name="siteId"/>.</summary>
    public string Other(string siteId) => string.Equals(siteId, From, StringComparison.Ordinal) ? To : From;
}
