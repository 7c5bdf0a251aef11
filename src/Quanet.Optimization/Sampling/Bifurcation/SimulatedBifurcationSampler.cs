using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Sampling.Bifurcation;

/// <summary>
/// Simulated bifurcation (Goto, Tatsumura and Dixon, Sci. Adv. 5, eaav2372, 2019; Goto et al., Sci. Adv. 7,
/// eabe7953, 2021): each Ising spin is a particle with position x_i and momentum y_i, advanced by symplectic
/// Euler steps y += (-(a0 - a(t)) x + c0 (J s + h)) dt, x += a0 y dt, with the pump a(t) rising linearly
/// from 0 to a0 = 1 over <see cref="Steps"/> steps and inelastic walls at |x| = 1 (x clamped, y set to 0);
/// s = x for ballistic SB, sign(x) for discrete SB. c0 = 0.5 / (sqrt(N) sigma_J) as in the 2021 paper,
/// sigma_J the root mean square coupling. Local fields enter the force as the gradient of the energy
/// (c0 h_i, constant in time), not through an auxiliary spin. Binary models are sampled through their
/// Ising form; states come back in the model's domain.
/// <para>
/// A read advances a batch of <see cref="Replicas"/> replicas together (SIMD over replicas), evaluates each
/// replica's final signs exactly (in double, on the model), optionally descends each with one-flip greedy
/// moves (<see cref="LocalSearch"/>), and keeps its best. With a time limit a read restarts fresh batches,
/// seeded from its own generator, until the limit. Without a time limit the work is fixed and the result
/// is the same for a seed at any thread count.
/// </para>
/// </summary>
public sealed class SimulatedBifurcationSampler : ISampler
{
    /// <inheritdoc />
    public string Name => "sb";

    /// <summary>Ballistic or discrete SB. <value>Default <see cref="BifurcationVariant.Discrete"/>.</value></summary>
    public BifurcationVariant Variant { get; init; } = BifurcationVariant.Discrete;

    /// <summary>Time steps per batch (the pump's length). <value>Default 3000.</value></summary>
    public int Steps { get; init; } = 3000;

    /// <summary>
    /// The time step dt (lowered further by the stability guard, see <see cref="StableTimeStep"/>). <value>Default 0.5;
    /// the 2021 paper uses 1.25 on K2000, but on Gset graphs 0.5 with 3000 steps did better at equal time (bench/README.md, qubo-sb).</value>
    /// </summary>
    public double TimeStep { get; init; } = 0.5;

    /// <summary>Replicas advanced together in one batch. <value>Default 32 (four AVX2 vectors: the fastest per replica-step measured).</value></summary>
    public int Replicas { get; init; } = 32;

    /// <summary>The coupling scale c0, or null for the paper's rule 0.5 / (sqrt(N) sigma_J). <value>Default null.</value></summary>
    public double? C0 { get; init; }

    /// <summary>Whether each replica's final state is improved by one-flip greedy descent; false gives pure SB. <value>Default true.</value></summary>
    public bool LocalSearch { get; init; } = true;

    /// <inheritdoc />
    public SampleSet Sample(BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Replicas);
        if (!(TimeStep > 0.0) || !double.IsFinite(TimeStep))
        {
            throw new ArgumentOutOfRangeException(nameof(TimeStep), TimeStep, "the time step must be positive and finite");
        }

        if (C0 is { } c && (!(c > 0.0) || !double.IsFinite(c)))
        {
            throw new ArgumentOutOfRangeException(nameof(C0), c, "c0 must be positive and finite");
        }

        return ReadRunner.Run(Name, model, options, cancellationToken, Read);
    }

    private ReadResult Read(BinaryQuadraticModel ising, ulong seed, ReadContext context)
    {
        var rng = new Xoshiro256(seed);
        var batch = new BifurcationBatch(ising, Replicas);
        if (C0 is { } c0)
        {
            batch.C0 = (float)c0;
        }

        var dt = StableTimeStep(TimeStep, batch.C0, BifurcationBatch.SpectralRadius(ising));
        var system = new SpinSystem(ising);
        var spins = new sbyte[system.Count];
        var best = new sbyte[system.Count];
        var bestEnergy = double.PositiveInfinity;
        long moves = 0;
        var schedule = Steps;
        var first = true;
        do
        {
            var batchRng = new Xoshiro256(rng.NextUInt64());
            if (first && context.HasTimeLimit)
            {
                schedule = FittedSteps(batch, batchRng, (float)dt, context);
                moves += (long)ProbeSteps * system.Count * Replicas;
            }

            first = false;
            batch.Initialize(ref batchRng);
            var steps = batch.Run(schedule, (float)dt, Variant, context.ShouldStop);
            moves += (long)steps * system.Count * Replicas;
            for (var r = 0; r < Replicas; r++)
            {
                batch.Signs(r, spins);
                system.Load(spins);
                if (LocalSearch)
                {
                    moves += GreedyDescent.Run(system);
                }

                if (system.Energy < bestEnergy)
                {
                    bestEnergy = system.Energy;
                    system.Spins.CopyTo(best, 0);
                    context.Offer(bestEnergy);
                }
            }
        }
        while (context.HasTimeLimit && !context.ShouldStop());

        return new ReadResult(best, moves);
    }

    /// <summary>Steps timed on the first batch to fit its schedule into a time limit.</summary>
    private const int ProbeSteps = 16;

    /// <summary>
    /// With a time limit, the schedule of <see cref="Steps"/> is shortened when it cannot finish in time: the first
    /// <see cref="ProbeSteps"/> steps of the first batch are timed, and the schedule gets at most half the time left
    /// (the rest is for the final descent of every replica and the read-out), never fewer than the probe's steps. A pump
    /// that is cut off half-way leaves the positions near zero and the signs meaningless (on the default plan's whole
    /// QUBO, 32,411 variables and 3.4 M couplers, 3,000 steps take minutes, and the 30 s answer was no site at all);
    /// a shorter pump still bifurcates. Where the schedule fits, as on Gset at 5 s, nothing changes.
    /// </summary>
    private int FittedSteps(BifurcationBatch batch, Xoshiro256 batchRng, float dt, ReadContext context)
    {
        batch.Initialize(ref batchRng);
        var before = context.Elapsed;
        batch.Run(ProbeSteps, dt, Variant, static () => false);
        var perStep = (context.Elapsed - before).TotalSeconds / ProbeSteps;
        var budget = context.Remaining.TotalSeconds / 2;
        return perStep <= 0 || Steps * perStep <= budget ? Steps : Math.Max(ProbeSteps, (int)(budget / perStep));
    }

    /// <summary>
    /// The time step actually used: <paramref name="requested"/>, lowered to 1.8 / sqrt(a0 + c0 rho) when the
    /// coupling's spectral radius rho makes the fastest mode of the linearised dynamics (angular frequency
    /// sqrt(a0 + c0 rho)) unstable under symplectic Euler (stable below 2 / omega). On zero-mean models such as
    /// K2000, c0 rho is about 1 and 1.25 stays; on Gset graphs of positive weights the uniform mode has
    /// rho near the mean degree and the paper's 1.25 makes all replicas oscillate to a single sign.
    /// This guard is ours, not the papers'.
    /// </summary>
    internal static double StableTimeStep(double requested, double c0, double radius) =>
        Math.Min(requested, 1.8 / Math.Sqrt(1.0 + (c0 * radius)));
}
