using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Sampling;

/// <summary>
/// Parallel tempering (replica exchange Monte Carlo, Swendsen and Wang 1986; Hukushima and Nemoto 1996):
/// <see cref="Replicas"/> copies of the system at geometrically spaced inverse temperatures each do one
/// Metropolis sweep per step, then neighbouring temperatures try to swap their states with probability
/// min(1, exp((beta_k - beta_k+1)(E_k - E_k+1))), alternating even and odd pairs. Each read returns the
/// lowest-energy state seen by any replica; with a time limit a read keeps stepping until the limit.
/// </summary>
public sealed class ParallelTemperingSampler : ISampler
{
    /// <inheritdoc />
    public string Name => "pt";

    /// <summary>Replica-exchange steps (one sweep of every replica each) per read. <value>Default 1000.</value></summary>
    public int Sweeps { get; init; } = 1000;

    /// <summary>Number of replicas (temperatures). <value>Default 16.</value></summary>
    public int Replicas { get; init; } = 16;

    /// <summary>Inverse-temperature range (hot, cold); null derives it from the biases as <c>neal</c> does. <value>Default null.</value></summary>
    public (double Hot, double Cold)? BetaRange { get; init; }

    /// <inheritdoc />
    public SampleSet Sample(BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Sweeps);
        ArgumentOutOfRangeException.ThrowIfLessThan(Replicas, 2);
        var (hot, cold) = BetaRange ?? BetaSchedule.DefaultRange(model);
        var betas = BetaSchedule.Geometric(hot, cold, Replicas);
        return ReadRunner.Run(Name, model, options, cancellationToken, (ising, seed, context) => Read(ising, betas, Sweeps, seed, context));
    }

    private static ReadResult Read(BinaryQuadraticModel ising, double[] betas, int sweeps, ulong seed, ReadContext context)
    {
        var rng = new Xoshiro256(seed);
        var replicas = new SpinSystem[betas.Length];
        // atTemperature[k] = the replica currently at betas[k]; swapping exchanges indices, not states
        var atTemperature = new int[betas.Length];
        for (var k = 0; k < replicas.Length; k++)
        {
            // replicas share the model's CSR arrays; only spins and fields are per replica
            replicas[k] = k == 0 ? new SpinSystem(ising) : new SpinSystem(replicas[0]);
            replicas[k].Randomize(ref rng);
            atTemperature[k] = k;
        }

        var best = new sbyte[ising.VariableCount];
        var bestEnergy = double.PositiveInfinity;
        long flips = 0;
        for (var step = 0; context.HasTimeLimit || step < sweeps; step++)
        {
            for (var k = 0; k < betas.Length; k++)
            {
                var replica = replicas[atTemperature[k]];
                replica.Sweep(betas[k], ref rng);
                if (replica.Energy < bestEnergy - 1e-12)
                {
                    bestEnergy = replica.Energy;
                    replica.Spins.CopyTo(best, 0);
                    context.Offer(bestEnergy);
                }
            }

            flips += (long)betas.Length * ising.VariableCount;
            for (var k = step & 1; k + 1 < betas.Length; k += 2)
            {
                var a = replicas[atTemperature[k]].Energy;
                var b = replicas[atTemperature[k + 1]].Energy;
                var x = (betas[k] - betas[k + 1]) * (a - b);
                if (x >= 0.0 || rng.NextDouble() < Math.Exp(x))
                {
                    (atTemperature[k], atTemperature[k + 1]) = (atTemperature[k + 1], atTemperature[k]);
                }
            }

            if ((step & 15) == 15)
            {
                foreach (var replica in replicas)
                {
                    replica.Recompute();
                }
            }

            if (context.ShouldStop())
            {
                break;
            }
        }

        return new ReadResult(best, flips);
    }
}
