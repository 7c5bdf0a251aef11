using Quanet.Planning.Backhaul;

namespace Quanet.Cli.Commands.Steiner;

/// <summary>The summary JSON of <c>quanet backhaul</c> (also written to PLAN_DIR/backhaul.json).</summary>
internal sealed record BackhaulSummary(
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
    public static BackhaulSummary From(BackhaulDesign d, int sites, int pops, string geojson) =>
        new(sites, pops, d.PopsUsed, d.CandidateRoutes, d.Links.Count, Math.Round(d.TotalLengthKm, 3), Math.Round(d.TotalCost, 3),
            Math.Round(d.LowerBound, 3), d.Optimal, d.MaxHops, d.HopRepairs, geojson);
}
