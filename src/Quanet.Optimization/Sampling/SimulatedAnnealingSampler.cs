using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Sampling;

/// <summary>
/// Simulated annealing with Metropolis sweeps over the variables in index order and a geometric
/// inverse-temperature schedule, as D-Wave's <c>neal</c>: <see cref="Sweeps"/> sweeps split into at most
/// 1000 beta steps. Each read anneals from a uniformly random state; with a time limit a read keeps
/// annealing from new random states until the limit and returns its best final state.
/// </summary>
public sealed class SimulatedAnnealingSampler : ISampler
{
    /// <inheritdoc />
    public string Name => "sa";

    /// <summary>Metropolis sweeps per anneal. <value>Default 1000.</value></summary>
    public int Sweeps { get; init; } = 1000;

    /// <summary>Inverse-temperature range (hot, cold); null derives it from the biases (<see cref="BetaSchedule.DefaultRange"/>). <value>Default null.</value></summary>
    public (double Hot, double Cold)? BetaRange { get; init; }

    /// <inheritdoc />
    public SampleSet Sample(BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Sweeps);
        var (hot, cold) = BetaRange ?? BetaSchedule.DefaultRange(model);
        var perBeta = Math.Max(1, Sweeps / 1000);
        var betas = BetaSchedule.Geometric(hot, cold, (Sweeps + perBeta - 1) / perBeta);
        return ReadRunner.Run(Name, model, options, cancellationToken, (ising, seed, context) => Read(ising, betas, perBeta, seed, context));
    }

    private static ReadResult Read(BinaryQuadraticModel ising, double[] betas, int perBeta, ulong seed, ReadContext context)
    {
        var rng = new Xoshiro256(seed);
        var system = new SpinSystem(ising);
        var best = new sbyte[system.Count];
        var bestEnergy = double.PositiveInfinity;
        long flips = 0;
        do
        {
            system.Randomize(ref rng);
            foreach (var beta in betas)
            {
                for (var sweep = 0; sweep < perBeta; sweep++)
                {
                    system.Sweep(beta, ref rng);
                }

                flips += (long)perBeta * system.Count;
                if (context.ShouldStop())
                {
                    break;
                }
            }

            system.Recompute();
            if (system.Energy < bestEnergy)
            {
                bestEnergy = system.Energy;
                system.Spins.CopyTo(best, 0);
                context.Offer(bestEnergy);
            }
        }
        while (context.HasTimeLimit && !context.ShouldStop());

        return new ReadResult(best, flips);
    }
}
