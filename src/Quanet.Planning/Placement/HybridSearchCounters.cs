namespace Quanet.Planning.Placement;

/// <summary>What the problem-specific hybrid loops (<see cref="SiteHybridSearch"/>, <see cref="SetCoverHybridSearch"/>)
/// count on their way, for <see cref="Quanet.Optimization.Hybrid.HybridStatistics"/>.</summary>
/// <param name="selectors">How many selectors the loop alternates.</param>
internal sealed class HybridSearchCounters(int selectors)
{
    public int Subproblems { get; set; }

    public int Accepted { get; set; }

    public int Improving { get; set; }

    public int Worsening { get; set; }

    public double SubGain { get; set; }

    public double SubGainAtBest { get; set; }

    public long SubSize { get; set; }

    public double SubSeconds { get; set; }

    public double BuildSeconds { get; set; }

    public int[] SelectorSubproblems { get; } = new int[selectors];

    public int[] SelectorImproving { get; } = new int[selectors];

    public double[] SelectorGain { get; } = new double[selectors];
}
