using Quanet.Optimization.Hybrid;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;

namespace Quanet.Planning.Placement;

/// <summary>What the problem-specific hybrid loops (<see cref="SiteHybridSearch"/>, <see cref="SetCoverHybridSearch"/>)
/// count on their way, for <see cref="HybridStatistics"/>; it also makes their sub-solver call, which it times.</summary>
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

    /// <summary>
    /// Hands <paramref name="model"/> to the sub-solver, warm-started from <paramref name="current"/> and seeded from the
    /// run's seed and the round, with what is left of the time limit as its cutoff; counts the subproblem and the
    /// seconds spent building it (since <paramref name="built"/>) and solving it.
    /// </summary>
    public ReadOnlySpan<sbyte> Sample(ISampler subSolver, BinaryQuadraticModel model, sbyte[] current, HybridOptions settings, int round, int selector, long built, TimeSpan? remaining, CancellationToken cancellationToken)
    {
        var clock = settings.TimeProvider;
        var t1 = clock.GetTimestamp();
        var answer = subSolver.Sample(model, new SamplerOptions
        {
            Seed = unchecked((settings.Seed * 1_000_003) + round + 1),
            Reads = settings.SubReads,
            MaxDegreeOfParallelism = settings.Threads,
            TimeProvider = clock,
            Cutoff = remaining is { } r ? (r > TimeSpan.Zero ? r : TimeSpan.Zero) : null,
            InitialState = current,
        }, cancellationToken).Best.State;
        SubSeconds += clock.GetElapsedTime(t1).TotalSeconds;
        BuildSeconds += clock.GetElapsedTime(built, t1).TotalSeconds;
        Subproblems++;
        SubSize += current.Length;
        SelectorSubproblems[selector]++;
        return answer;
    }

    /// <summary>The run's statistics: the gain is the one on the path to the best state.</summary>
    public HybridStatistics Statistics(double startEnergy, bool timedOut, HybridEncoding encoding, IReadOnlyList<string> names) => new()
    {
        Subproblems = Subproblems,
        Accepted = Accepted,
        Improving = Improving,
        Worsening = Worsening,
        SubproblemGain = SubGainAtBest,
        StartEnergy = startEnergy,
        MeanSubSize = Subproblems == 0 ? 0 : (double)SubSize / Subproblems,
        MeanSubDecisions = Subproblems == 0 ? 0 : (double)SubSize / Subproblems,
        SubSolverSeconds = SubSeconds,
        BuildSeconds = BuildSeconds,
        TimedOut = timedOut,
        Encoding = encoding,
        Selectors = [.. names.Select((name, s) => new HybridSelectorStatistics(name, SelectorSubproblems[s], SelectorImproving[s], SelectorGain[s]))],
    };
}
