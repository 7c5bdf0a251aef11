using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Qubo.Constraints;

/// <summary>
/// The size and sampling behaviour of one QUBO formulation of a problem: variables (decision and slack), couplers,
/// density, and how many simulated-annealing reads decode to a feasible state without repair, with the best decoded
/// objective against the optimum when known. Made by <see cref="Measure"/>.
/// </summary>
public sealed record FormulationReport
{
    /// <summary>What was encoded (e.g. <c>maximal covering</c>, <c>set cover</c>, <c>steiner</c>).</summary>
    public required string Problem { get; init; }

    /// <summary>The formulation's name (<c>slack</c>, <c>unbalanced</c>, <c>equality</c>).</summary>
    public required string Formulation { get; init; }

    /// <summary>Decision variables (the problem's own binaries, including auxiliary ones such as coverage indicators).</summary>
    public int DecisionVariables { get; init; }

    /// <summary>Slack bits added for inequalities.</summary>
    public int SlackVariables { get; init; }

    /// <summary>All binary variables (qubits before embedding).</summary>
    public int Variables => DecisionVariables + SlackVariables;

    /// <summary>Non-zero quadratic terms.</summary>
    public long Couplers { get; init; }

    /// <summary>Couplers / (n(n − 1)/2).</summary>
    public double Density { get; init; }

    /// <summary>Simulated-annealing reads (independent anneals from random states).</summary>
    public int Reads { get; init; }

    /// <summary>Metropolis sweeps per read.</summary>
    public int Sweeps { get; init; }

    /// <summary>Seed of the reads.</summary>
    public int Seed { get; init; }

    /// <summary>Reads whose final state decodes to a feasible solution without repair.</summary>
    public int FeasibleReads { get; init; }

    /// <summary>Reads whose decoded solution is feasible and has the optimal objective (0 when no optimum is given).</summary>
    public int OptimalReads { get; init; }

    /// <summary>FeasibleReads / Reads.</summary>
    public double FeasibilityRate => Reads == 0 ? 0 : (double)FeasibleReads / Reads;

    /// <summary>The best objective among the feasible reads, in the problem's own units, or null when none was feasible.</summary>
    public double? BestObjective { get; init; }

    /// <summary>The optimum (or best known value) it is compared with, or null.</summary>
    public double? Optimum { get; init; }

    /// <summary>|best − optimum| / |optimum| (0 when both are 0), or null when either is missing or the optimum alone is 0.</summary>
    public double? Gap => BestObjective is { } b && Optimum is { } o
        ? (o == 0 ? (b == 0 ? 0 : null) : Math.Abs(b - o) / Math.Abs(o))
        : null;

    /// <summary>Couplers over the n(n − 1)/2 pairs of <paramref name="model"/>'s variables (0 for fewer than two).</summary>
    public static double DensityOf(BinaryQuadraticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var n = (double)model.VariableCount;
        return n < 2 ? 0 : model.InteractionCount / (n * (n - 1) / 2);
    }

    /// <summary>
    /// Samples <paramref name="model"/> with <paramref name="sampling"/>'s simulated annealing (fixed reads and
    /// sweeps, no time limit: the result depends on the seed only) and decodes every read with
    /// <paramref name="decode"/>, which returns the problem's objective of a feasible state and null for an infeasible
    /// one. <paramref name="isBetter"/> orders objectives (e.g. <c>(a, b) =&gt; a &lt; b</c> for a minimum).
    /// </summary>
    public static FormulationReport Measure(
        string problem,
        string formulation,
        BinaryQuadraticModel model,
        int decisionVariables,
        Func<sbyte[], double?> decode,
        Func<double, double, bool> isBetter,
        double? optimum,
        FormulationSampling sampling,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(decode);
        ArgumentNullException.ThrowIfNull(isBetter);
        ArgumentNullException.ThrowIfNull(sampling);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decisionVariables, model.VariableCount);
        var sampler = new SimulatedAnnealingSampler { Sweeps = sampling.Sweeps };
        var options = new SamplerOptions { Seed = sampling.Seed, Reads = sampling.Reads, MaxDegreeOfParallelism = sampling.Threads };
        var set = model.VariableCount == 0 ? null : sampler.Sample(model, options, cancellationToken);
        int feasible = 0, optimal = 0;
        double? best = null;
        foreach (var sample in set?.Samples ?? [])
        {
            if (decode(sample.ToArray()) is not { } value)
            {
                continue;
            }

            feasible += sample.Occurrences;
            if (optimum is { } o && Math.Abs(value - o) <= 1e-6 * Math.Max(1, Math.Abs(o)))
            {
                optimal += sample.Occurrences;
            }

            if (best is not { } b || isBetter(value, b))
            {
                best = value;
            }
        }

        return new FormulationReport
        {
            Problem = problem,
            Formulation = formulation,
            DecisionVariables = decisionVariables,
            SlackVariables = model.VariableCount - decisionVariables,
            Couplers = model.InteractionCount,
            Density = DensityOf(model),
            Reads = set is null ? 0 : sampling.Reads,
            Sweeps = sampling.Sweeps,
            Seed = sampling.Seed,
            FeasibleReads = feasible,
            OptimalReads = optimal,
            BestObjective = best,
            Optimum = optimum,
        };
    }
}
