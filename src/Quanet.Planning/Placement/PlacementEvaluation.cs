namespace Quanet.Planning.Placement;

/// <summary>A selection of sites measured on the instance: what it covers, costs and whether it meets the goal.</summary>
/// <param name="Sites">Chosen sites, ascending.</param>
/// <param name="Covered">Demand weight covered (through capacities when the instance has them).</param>
/// <param name="Cost">Total cost of the chosen sites.</param>
/// <param name="Overlap">Sum over demand of weight x (number of chosen sites covering it - 1)⁺.</param>
/// <param name="Objective">Covered - penalty x overlap (maximal covering) or cost + penalty x overlap (set cover).</param>
/// <param name="Violation">Why the selection breaks the goal, or null when it is feasible.</param>
internal sealed record PlacementEvaluation(int[] Sites, double Covered, double Cost, double Overlap, double Objective, string? Violation)
{
    /// <summary>Whether every constraint of the goal holds.</summary>
    public bool Feasible => Violation is null;
}
