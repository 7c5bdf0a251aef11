using System.Globalization;

namespace Quanet.Planning.Terrain;

/// <summary>What terrain a plan's coverage rests on, and what it changed.</summary>
public sealed record TerrainSummary
{
    /// <summary>The summary of a plan without a DEM.</summary>
    public static TerrainSummary FlatEarth { get; } = new();

    /// <summary>The method named in reports.</summary>
    public const string Method = "ITU-R P.526-15 Bullington diffraction (section 4.5.1) in excess of the smooth path, k = 4/3";

    /// <summary>The DEM's description, or null for flat earth.</summary>
    public string? Dem { get; init; }

    /// <summary>Site-demand pairs within the flat-earth radius whose profile was computed.</summary>
    public int PairsChecked { get; init; }

    /// <summary>Pairs that the flat-earth model covers but whose terrain diffraction loss takes them beyond the link budget.</summary>
    public int PairsShadowed { get; init; }

    /// <summary>Pairs whose direct ray is blocked by the ground (not line of sight), shadowed or not.</summary>
    public int PairsObstructed { get; init; }

    /// <summary>Pairs with an end outside the DEM (or on void), left at the flat-earth result.</summary>
    public int PairsOutsideDem { get; init; }

    /// <summary>Time to compute the profiles and their diffraction.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>One line for every report: "terrain: flat earth (no DEM)" or the DEM, the method and the shadowed pairs.</summary>
    public string Text => Dem is null
        ? "terrain: flat earth (no DEM)"
        : string.Create(CultureInfo.InvariantCulture, $"terrain: {Dem}; {PairsShadowed:N0} of {PairsChecked:N0} site-demand pairs shadowed, {PairsObstructed:N0} not line of sight, {PairsOutsideDem:N0} outside the DEM ({Method})");
}
