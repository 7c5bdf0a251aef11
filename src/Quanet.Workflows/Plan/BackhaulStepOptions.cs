using Quanet.Planning.Backhaul;

namespace Quanet.Workflows.Plan;

/// <summary>How the backhaul step finds its PoPs and designs the tree.</summary>
public sealed record BackhaulStepOptions
{
    /// <summary>Number of PoPs: the most populous embedded places around the sites. <value>Default 3.</value></summary>
    public int PopCount { get; init; } = 3;

    /// <summary>The designer's options. <value>Default <see cref="BackhaulOptions"/>'s defaults.</value></summary>
    public BackhaulOptions Design { get; init; } = new();

    /// <summary>Every problem, worded without any host's option names; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (PopCount < 1)
        {
            problems.Add($"the number of PoPs must be at least 1, got {PopCount}");
        }

        if (Design is null)
        {
            problems.Add("backhaul design options are missing");
            return problems;
        }

        if (!(Design.CostPerKm > 0) || !double.IsFinite(Design.CostPerKm))
        {
            problems.Add("the cost per km of new fibre must be positive");
        }

        if (!(Design.ExistingCostFactor >= 0) || !double.IsFinite(Design.ExistingCostFactor))
        {
            problems.Add("the cost factor of existing fibre must not be negative");
        }

        if (Design.HopLimit is < 1)
        {
            problems.Add("the hop limit must be at least 1");
        }

        if (!(Design.TimeLimit > TimeSpan.Zero))
        {
            problems.Add("the backhaul time limit must be positive");
        }

        return problems;
    }
}
