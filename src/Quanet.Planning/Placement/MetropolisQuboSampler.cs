using System.Diagnostics;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;

namespace Quanet.Planning.Placement;

/// <summary>
/// Single-flip simulated annealing on a binary quadratic model (Kirkpatrick, Gelatt and Vecchi 1983):
/// geometric temperature schedule from a start temperature that accepts a typical uphill flip with
/// probability 1/2 down to one that accepts it with 1e-3, O(degree) flip deltas from
/// <see cref="BinaryQuadraticModel.FlipDelta"/>, one seeded stream per read, reads in parallel.
/// </summary>
internal sealed class MetropolisQuboSampler : ISampler
{
    private const int DefaultSweeps = 1000;

    /// <inheritdoc />
    public string Name => "metropolis";

    /// <inheritdoc />
    public SampleSet Sample(BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        var reads = options.EffectiveReads;
        var samples = new Sample[reads];
        var flips = new long[reads];
        var (hot, cold) = Temperatures(model);
        Parallel.For(0, reads, new ParallelOptions { MaxDegreeOfParallelism = options.EffectiveParallelism, CancellationToken = cancellationToken }, r =>
        {
            var random = new Random(HashCode.Combine(options.Seed, r));
            samples[r] = Anneal(model, random, hot, cold, options.TimeLimit, watch, out flips[r], cancellationToken);
        });
        var total = 0L;
        foreach (var f in flips)
        {
            total += f;
        }

        var statistics = new SamplerStatistics(Name, watch.Elapsed, watch.Elapsed, reads, total, ReachedTarget: false, TimedOut: options.TimeLimit is { } t && watch.Elapsed >= t);
        return new SampleSet(model.Vartype, samples, statistics);
    }

    private static (double Hot, double Cold) Temperatures(BinaryQuadraticModel model)
    {
        // typical and smallest non-zero |local field| scale the schedule to the model's energies
        var sum = 0.0;
        var min = double.PositiveInfinity;
        var weights = model.Weights;
        for (var i = 0; i < model.VariableCount; i++)
        {
            var field = Math.Abs(model.Linear[i]);
            for (var k = model.RowStart[i]; k < model.RowStart[i + 1]; k++)
            {
                field += Math.Abs(weights[k]);
            }

            sum += field;
            if (field > 0)
            {
                min = Math.Min(min, field);
            }
        }

        var typical = model.VariableCount > 0 ? sum / model.VariableCount : 1.0;
        if (double.IsPositiveInfinity(min))
        {
            min = 1.0;
        }

        return (Math.Max(typical, 1e-12) / Math.Log(2.0), Math.Max(min, 1e-12) / Math.Log(1000.0));
    }

    private static Sample Anneal(BinaryQuadraticModel model, Random random, double hot, double cold, TimeSpan? limit, Stopwatch watch, out long flips, CancellationToken ct)
    {
        var n = model.VariableCount;
        var state = new sbyte[n];
        var spin = model.Vartype == Vartype.Spin;
        for (var i = 0; i < n; i++)
        {
            state[i] = random.Next(2) == 0 ? (spin ? (sbyte)-1 : (sbyte)0) : (sbyte)1;
        }

        var energy = model.Energy(state);
        var best = (sbyte[])state.Clone();
        var bestEnergy = energy;
        flips = 0;
        var cooling = Math.Pow(cold / hot, 1.0 / Math.Max(1, DefaultSweeps - 1));
        var temperature = hot;
        for (var sweep = 0; sweep < DefaultSweeps; sweep++, temperature *= cooling)
        {
            ct.ThrowIfCancellationRequested();
            if (limit is { } l && watch.Elapsed >= l)
            {
                break;
            }

            for (var i = 0; i < n; i++)
            {
                var delta = model.FlipDelta(state, i);
                flips++;
                if (delta <= 0 || random.NextDouble() < Math.Exp(-delta / temperature))
                {
                    state[i] = spin ? (sbyte)-state[i] : (sbyte)(1 - state[i]);
                    energy += delta;
                    if (energy < bestEnergy - 1e-12)
                    {
                        bestEnergy = energy;
                        state.CopyTo(best, 0);
                    }
                }
            }
        }

        return new Sample(best, model.Energy(best));
    }
}
