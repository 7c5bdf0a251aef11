using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Sampling;

/// <summary>
/// Simulated annealing with Metropolis sweeps over the variables in index order and a geometric
/// inverse-temperature schedule, as D-Wave's <c>neal</c>: <see cref="Sweeps"/> sweeps split into at most
/// 1000 beta steps. Each read anneals from a uniformly random state; with a time limit a read keeps
/// annealing from new random states until the limit, with anneal lengths <see cref="Sweeps"/> times the
/// Luby sequence 1, 1, 2, 1, 1, 2, 4, ... (Luby, Sinclair and Zuckerman 1993): many short anneals and
/// geometrically rarer long ones, so a long limit buys slower anneals without a per-instance setting.
/// It returns its best final state.
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
        var range = BetaRange ?? BetaSchedule.DefaultRange(model);
        return ReadRunner.Run(Name, model, options, cancellationToken, (ising, seed, context) => Read(ising, range, Sweeps, seed, context));
    }

    private static ReadResult Read(BinaryQuadraticModel ising, (double Hot, double Cold) range, int sweeps, ulong seed, ReadContext context)
    {
        var rng = new Xoshiro256(seed);
        var system = new SpinSystem(ising);
        var best = new sbyte[system.Count];
        var bestEnergy = double.PositiveInfinity;
        long flips = 0;
        var restart = 1;
        do
        {
            var length = Math.Min(sweeps * Luby(restart++), 1L << 30);
            // as neal: at most 1000 distinct betas, each held for length / 1000 sweeps
            var perBeta = (int)Math.Max(1, length / 1000);
            var betas = BetaSchedule.Geometric(range.Hot, range.Cold, (int)((length + perBeta - 1) / perBeta));
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

    /// <summary>The i-th term (1-based) of the Luby restart sequence: 1, 1, 2, 1, 1, 2, 4, 1, 1, 2, ...</summary>
    internal static long Luby(int i)
    {
        while (true)
        {
            var k = 1;
            while ((1L << k) - 1 < i)
            {
                k++;
            }

            if ((1L << k) - 1 == i)
            {
                return 1L << (k - 1);
            }

            i -= (int)(1L << (k - 1)) - 1;
        }
    }
}
