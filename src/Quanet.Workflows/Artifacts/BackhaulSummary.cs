using Quanet.Planning.Backhaul;

namespace Quanet.Workflows.Artifacts;

/// <summary>The summary of a backhaul design, a plan directory's <c>backhaul.json</c> (snake_case names).</summary>
/// <param name="Sites">Sites connected.</param>
/// <param name="Pops">PoPs offered.</param>
/// <param name="PopsUsed">PoPs the design uses.</param>
/// <param name="CandidateRoutes">Candidate routes considered.</param>
/// <param name="Links">Links of the design.</param>
/// <param name="TotalLengthKm">Total length, km, to 3 decimals.</param>
/// <param name="TotalCost">Total cost, to 3 decimals.</param>
/// <param name="LowerBound">Lower bound of the cost, to 3 decimals.</param>
/// <param name="Optimal">True when proven optimal.</param>
/// <param name="MaxHops">Most links from a site to its PoP.</param>
/// <param name="HopRepairs">Sites reattached by the hop-limit repair.</param>
/// <param name="Geojson">Path of the backhaul.geojson written beside it.</param>
public sealed record BackhaulSummary(
    int Sites,
    int Pops,
    int PopsUsed,
    int CandidateRoutes,
    int Links,
    double TotalLengthKm,
    double TotalCost,
    double LowerBound,
    bool Optimal,
    int MaxHops,
    int HopRepairs,
    string Geojson)
{
    /// <summary>The summary of <paramref name="design"/> for <paramref name="sites"/> sites and <paramref name="pops"/> PoPs.</summary>
    public static BackhaulSummary From(BackhaulDesign design, int sites, int pops, string geojson)
    {
        ArgumentNullException.ThrowIfNull(design);
        return new(sites, pops, design.PopsUsed, design.CandidateRoutes, design.Links.Count, Math.Round(design.TotalLengthKm, 3), Math.Round(design.TotalCost, 3),
            Math.Round(design.LowerBound, 3), design.Optimal, design.MaxHops, design.HopRepairs, geojson);
    }
}
