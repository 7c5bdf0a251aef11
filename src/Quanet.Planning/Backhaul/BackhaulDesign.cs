namespace Quanet.Planning.Backhaul;

/// <summary>A backhaul tree: every site connected to some PoP.</summary>
public sealed record BackhaulDesign
{
    /// <summary>The links, each oriented from the PoP side.</summary>
    public required IReadOnlyList<BackhaulLink> Links { get; init; }

    /// <summary>Total cost.</summary>
    public required double TotalCost { get; init; }

    /// <summary>Total route length in kilometres.</summary>
    public required double TotalLengthKm { get; init; }

    /// <summary>
    /// Lower bound of the minimum cost over the candidate routes: from the Steiner solver without hop limit,
    /// from the layered-graph arborescence under a hop limit (whose routes include a direct one from each site
    /// to its nearest PoP); both work in thousandths of the cost unit, so the bound is exact up to that
    /// rounding per link.
    /// </summary>
    public required double LowerBound { get; init; }

    /// <summary>True when the Steiner solve (or, under a hop limit, the layered-graph arborescence) proved optimality.</summary>
    public required bool Optimal { get; init; }

    /// <summary>Candidate routes considered.</summary>
    public required int CandidateRoutes { get; init; }

    /// <summary>Largest number of links from a site to its PoP.</summary>
    public required int MaxHops { get; init; }

    /// <summary>Number of sites reattached by the hop-limit repair (0 unless the repaired tree is the result).</summary>
    public required int HopRepairs { get; init; }

    /// <summary>Number of PoPs the design uses.</summary>
    public required int PopsUsed { get; init; }
}
