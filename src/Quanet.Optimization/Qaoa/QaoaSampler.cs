using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Qaoa;

/// <summary>
/// QAOA (Farhi, Goldstone and Gutmann 2014) on the state-vector simulator: depth-1 angles are optimised
/// with Nelder-Mead from <see cref="Starts"/> seeded random starts, then each deeper level starts from the
/// INTERP extrapolation of the previous optimum (Zhou et al. 2020) up to <see cref="Depth"/>. The final state
/// is measured <see cref="Shots"/> times (seeded); distinct outcomes are returned with their counts.
/// The time limit stops the angle optimisation (the best angles so far are used); the target energy
/// is checked against the sampled states.
/// </summary>
public sealed class QaoaSampler : ISampler
{
    /// <inheritdoc />
    public string Name => "qaoa";

    /// <summary>Circuit depth p. <value>Default 3.</value></summary>
    public int Depth { get; init; } = 3;

    /// <summary>Measurements of the final state. <value>Default 1000.</value></summary>
    public int Shots { get; init; } = 1000;

    /// <summary>Random starting points for the depth-1 optimisation. <value>Default 8.</value></summary>
    public int Starts { get; init; } = 8;

    /// <summary>Simulations allowed per Nelder-Mead run. <value>Default 300.</value></summary>
    public int MaxEvaluations { get; init; } = 300;

    /// <inheritdoc />
    public SampleSet Sample(BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Shots);
        var simulator = new QaoaStateVector(model);
        var context = new ReadContext(options, 1, cancellationToken);
        var angles = Optimize(simulator, model, options.Seed, context);
        cancellationToken.ThrowIfCancellationRequested();
        simulator.Prepare(angles.Gammas, angles.Betas);
        var counts = new Dictionary<int, int>();
        foreach (var index in simulator.Measure(Shots, options.Seed))
        {
            counts[index] = counts.GetValueOrDefault(index) + 1;
        }

        var samples = new List<Sample>(counts.Count);
        foreach (var (index, count) in counts)
        {
            var state = BinaryQuadraticModel.ConvertState(simulator.Spins(index), Vartype.Spin, model.Vartype);
            var energy = model.Energy(state);
            context.Offer(energy);
            samples.Add(new Sample(state, energy, count));
        }

        context.ReadDone();
        var statistics = new SamplerStatistics(Name, context.Elapsed, context.TimeToBest, Shots, angles.Evaluations, context.TargetReached, context.TimedOut);
        return new SampleSet(model.Vartype, samples, statistics);
    }

    /// <summary>Optimises the angles for <paramref name="model"/> (seeded) without sampling.</summary>
    public QaoaAngles OptimizeAngles(BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var angles = Optimize(new QaoaStateVector(model), model, options.Seed, new ReadContext(options, 1, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        return angles;
    }

    /// <summary>
    /// Optimises the angles (seeded) and returns the optimum found at every depth 1..<see cref="Depth"/> on the
    /// way (depth p + 1 starts from the INTERP extrapolation of depth p); fewer when the time limit stops early.
    /// </summary>
    public IReadOnlyList<QaoaAngles> OptimizeAnglesPerDepth(BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var levels = new List<QaoaAngles>();
        var simulator = new QaoaStateVector(model);
        Optimize(simulator, model, options.Seed, new ReadContext(options, 1, cancellationToken), levels);
        cancellationToken.ThrowIfCancellationRequested();
        return levels;
    }

    private QaoaAngles Optimize(QaoaStateVector simulator, BinaryQuadraticModel model, int seed, ReadContext context, List<QaoaAngles>? levels = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Depth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Starts);
        var rng = new Xoshiro256(Xoshiro256.ReadSeed(seed, 0));
        // gamma multiplies energies: scale its search range by the largest total bias of a variable
        var (hot, _) = BetaSchedule.DefaultRange(model);
        var gammaScale = hot / Math.Log(2.0);
        var evaluations = 0;
        double Cost(double[] x)
        {
            var p = x.Length / 2;
            simulator.Prepare(x.AsSpan(0, p), x.AsSpan(p, p));
            return simulator.Expectation();
        }

        double[] best = [];
        var bestValue = double.PositiveInfinity;
        for (var start = 0; start < Starts && (start == 0 || !context.ShouldStop()); start++)
        {
            double[] x0 = [(rng.NextDouble() - 0.5) * 2.0 * Math.PI * gammaScale, rng.NextDouble() * Math.PI / 2.0];
            var (x, value, used) = NelderMead.Minimize(Cost, x0, 0.1, MaxEvaluations, 1e-10, context.ShouldStop);
            evaluations += used;
            if (value < bestValue)
            {
                (best, bestValue) = (x, value);
            }
        }

        levels?.Add(new QaoaAngles(best[..1], best[1..], bestValue, simulator.MinimumCost, evaluations));

        for (var p = 2; p <= Depth && !context.ShouldStop(); p++)
        {
            var gammas = QaoaAngles.Interpolate(best.AsSpan(0, p - 1));
            var betas = QaoaAngles.Interpolate(best.AsSpan(p - 1, p - 1));
            var (x, value, used) = NelderMead.Minimize(Cost, [.. gammas, .. betas], 0.05, MaxEvaluations * p, 1e-10, context.ShouldStop);
            evaluations += used;
            (best, bestValue) = (x, value);
            levels?.Add(new QaoaAngles(best[..p], best[p..], bestValue, simulator.MinimumCost, evaluations));
        }

        var depth = best.Length / 2;
        return new QaoaAngles(best[..depth], best[depth..], bestValue, simulator.MinimumCost, evaluations);
    }
}
