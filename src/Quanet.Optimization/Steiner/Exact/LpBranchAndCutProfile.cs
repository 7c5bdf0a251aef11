namespace Quanet.Optimization.Steiner.Exact;

/// <summary>Time spent by <see cref="LpBranchAndCut"/> per phase, in ticks of its clock, and its cutting rounds.</summary>
internal sealed class LpBranchAndCutProfile
{
    public long Lp { get; set; }

    public long Separation { get; set; }

    public long Heuristic { get; set; }

    public long Branching { get; set; }

    public int Rounds { get; set; }
}
