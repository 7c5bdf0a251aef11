using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Sampling;

/// <summary>
/// Runs the reads of a sampler call in parallel on the Ising form of the model. Read r gets the seed
/// <see cref="Xoshiro256.ReadSeed"/>(seed, r) and results are merged in read order, so with a fixed
/// amount of work (no time limit, no target) the same seed gives the same sample set at any parallelism.
/// Cancellation stops the reads like the time limit does and returns what they found, marked interrupted.
/// </summary>
internal static class ReadRunner
{
    /// <summary>A read: the Ising model, its seed, the shared context; returns null when stopped before it found anything.</summary>
    public delegate ReadResult? Read(BinaryQuadraticModel ising, ulong seed, ReadContext context);

    public static SampleSet Run(string name, BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken, Read read)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var ising = model.ToIsing();
        if (ising.VariableCount == 0)
        {
            var empty = new SamplerStatistics(name, TimeSpan.Zero, TimeSpan.Zero, 1, 0, options.TargetEnergy is { } t && model.Offset <= t, false);
            return new SampleSet(model.Vartype, [new Sample([], model.Offset)], empty);
        }

        var reads = options.EffectiveReads;
        var context = new ReadContext(options, reads, cancellationToken);
        var results = new ReadResult?[reads];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Min(reads, options.EffectiveParallelism) };
        Parallel.For(0, reads, parallel, r =>
        {
            if (context.ShouldStop() && r > 0)
            {
                return;
            }

            results[r] = read(ising, Xoshiro256.ReadSeed(options.Seed, r), context);
            context.ReadDone();
        });
        var samples = new List<Sample>(reads);
        long flips = 0;
        var done = 0;
        foreach (var result in results)
        {
            if (result is null)
            {
                continue;
            }

            done++;
            flips += result.FlipAttempts;
            var state = BinaryQuadraticModel.ConvertState(result.Spins, Vartype.Spin, model.Vartype);
            samples.Add(new Sample(state, model.Energy(state)));
        }

        // cancelled: the best states found so far are the answer (marked interrupted); with none found there is no answer
        var interrupted = cancellationToken.IsCancellationRequested;
        if (interrupted && samples.Count == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        var statistics = new SamplerStatistics(name, context.Elapsed, context.TimeToBest, done, flips, context.TargetReached, context.TimedOut, interrupted);
        return new SampleSet(model.Vartype, samples, statistics);
    }
}
