using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Sampling;

/// <summary>
/// One-flip tabu search inside Breakout Local Search (Benlic and Hao 2013): steepest descent to a
/// local optimum, then a tabu-directed, recency-based or random perturbation whose length adapts to
/// how the search is doing (see <see cref="BreakoutLocalSearch"/>). Sparse: local fields are updated in
/// O(degree) per flip, no dense matrix. Each read is an independent multistart search from a random
/// state; with a time limit a read searches until the limit, otherwise for <see cref="MovesPerRead"/> moves.
/// </summary>
public sealed class TabuSampler : ISampler
{
    /// <inheritdoc />
    public string Name => "tabu";

    /// <summary>Moves (flips) per read when there is no time limit; null means 1000 per variable (at least 10,000). <value>Default null.</value></summary>
    public long? MovesPerRead { get; init; }

    /// <summary>
    /// Metropolis sweeps (geometric schedule over the <c>neal</c> default range) that anneal each read's random
    /// start before the search; 0 starts the search from the random state. <value>Default 0.</value>
    /// </summary>
    public int AnnealSweeps { get; init; }

    /// <inheritdoc />
    public SampleSet Sample(BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (MovesPerRead is { } m)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(m);
        }

        ArgumentOutOfRangeException.ThrowIfNegative(AnnealSweeps);
        var betas = AnnealSweeps == 0 ? [] : BetaSchedule.Geometric(BetaSchedule.DefaultRange(model).Hot, BetaSchedule.DefaultRange(model).Cold, AnnealSweeps);
        var start = options.InitialState is { } initial ? BinaryQuadraticModel.ConvertState(initial, model.Vartype, Vartype.Spin) : null;
        if (start is not null && start.Length != model.VariableCount)
        {
            throw new ArgumentException($"the initial state has {start.Length} values, the model {model.VariableCount} variables", nameof(options));
        }

        return ReadRunner.Run(Name, model, options, cancellationToken, (ising, seed, context) =>
        {
            var limit = MovesPerRead ?? (context.HasTimeLimit ? long.MaxValue : Math.Max(10_000L, 1000L * ising.VariableCount));
            var search = new BreakoutLocalSearch(new SpinSystem(ising), seed);
            search.Run(limit, context, betas, start);
            return new ReadResult(search.Best, search.Attempts);
        });
    }
}
