using Quanet.Core;
using Quanet.Optimization.Exact;
using Quanet.Optimization.Hybrid;
using Quanet.Optimization.Qaoa;
using Quanet.Optimization.Sampling;
using Quanet.Optimization.Sampling.Bifurcation;
using Quanet.Planning.Placement;

namespace Quanet.Workflows.Solvers;

/// <summary>The sub-solvers of <c>qubo-hybrid</c> (<c>--sub-solver</c>) and the hybrid placement solver built from them.</summary>
public static partial class SolverCatalogue
{
    /// <summary>The default sub-solver of <c>qubo-hybrid</c>.</summary>
    public const string DefaultSubSolver = "tabu";

    /// <summary>
    /// Sub-solvers of <c>qubo-hybrid</c>: each entry builds the sampler one subproblem goes to, with a small per-call
    /// budget (the loop calls it thousands of times). <c>export</c> also takes <c>export:DIR</c>. To add a sampler
    /// (e.g. simulated bifurcation), add one entry here.
    /// </summary>
    public static SolverFamily<ISampler> HybridSubSolvers { get; } = new(
        "qubo-hybrid sub-solver",
        [
            new() { Name = "exact", Description = $"exhaustive enumeration, sub-size up to {ExhaustiveSolver.MaxVariables}", Create = () => new ExhaustiveSolver(), MaxVariables = ExhaustiveSolver.MaxVariables },
            new() { Name = "sa", Description = "simulated annealing, 200 sweeps per read", Create = () => new SimulatedAnnealingSampler { Sweeps = 200 } },
            new() { Name = "pt", Description = "parallel tempering, 8 replicas, 100 sweeps", Create = () => new ParallelTemperingSampler { Sweeps = 100, Replicas = 8 } },
            new() { Name = "tabu", Description = "tabu search (breakout local search) from the incumbent, 500 moves per read", Create = () => new TabuSampler { MovesPerRead = 500 } },
            new() { Name = "sb", Description = "simulated bifurcation (discrete SB), 500 steps, 8 replicas", Create = () => new SimulatedBifurcationSampler { Steps = 500, Replicas = 8 } },
            new() { Name = "qaoa", Description = $"simulated QAOA circuit, sub-size up to {QuboPlacementSolver.QaoaMaxQubits}", Create = () => new QaoaSampler { Starts = 2, MaxEvaluations = 100 }, MaxVariables = QuboPlacementSolver.QaoaMaxQubits },
            new() { Name = "export", Description = "writes each subproblem as dimod JSON to DIR (export:DIR, default ./subproblems) and solves it with tabu meanwhile", Create = () => Export("subproblems") },
        ],
        defaultName: DefaultSubSolver,
        defaultSeconds: 0);

    /// <summary>The sampler for <paramref name="spec"/> (<c>NAME</c> or <c>export:DIR</c>).</summary>
    /// <exception cref="QuanetException">Unknown name.</exception>
    public static ISampler HybridSubSolver(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? spec : spec[..colon];
        if (colon >= 0 && string.Equals(name, "export", StringComparison.OrdinalIgnoreCase))
        {
            return Export(spec[(colon + 1)..]);
        }

        return HybridSubSolvers.Find(name)?.Create() ?? throw new QuanetException(HybridSubSolvers.UnknownName(spec, "--sub-solver"));
    }

    /// <summary>Why <paramref name="spec"/> cannot run subproblems of <paramref name="subSize"/> variables, or null when it can.</summary>
    public static string? HybridSubSolverProblem(string spec, int subSize)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var name = spec.Split(':', 2)[0];
        return HybridSubSolvers.Find(name) is not { } entry ? HybridSubSolvers.UnknownName(name, "--sub-solver")
            : entry.MaxVariables is { } max && subSize > max ? $"--sub-solver {entry.Name} takes at most {max} variables; use --sub-size {max} or less"
            : null;
    }

    /// <summary>The <c>qubo-hybrid</c> placement solver with sub-solver <paramref name="subSolver"/> and sub-size <paramref name="subSize"/> (the compare table calls this once per sub-solver).</summary>
    public static IPlacementSolver HybridPlacement(string subSolver = DefaultSubSolver, int subSize = HybridOptions.DefaultSubSize, int? subproblems = null) =>
        new HybridPlacementSolver(HybridSubSolver(subSolver), subSize, subproblems);

    private static ExportingSampler Export(string directory) => new(directory, new TabuSampler { MovesPerRead = 2000 });

    // a property, not a field: the families in the other partial files may be initialised first
    private static SolverEntry<IPlacementSolver> QuboHybrid => new()
    {
        Name = HybridPlacementSolver.SolverName,
        Description = $"hybrid decomposition: sub-QUBOs of --sub-size variables (default {HybridOptions.DefaultSubSize}) solved by --sub-solver (default {DefaultSubSolver})",
        Create = () => HybridPlacement(),
        CompareAs = () => [.. CompareSubSolvers.Select(sub => new NamedPlacementSolver(HybridPlacement(sub.Name, sub.Size), $"{HybridPlacementSolver.SolverName} ({sub.Name})"))],
    };

    /// <summary>
    /// The sub-solvers <c>compare</c> runs <c>qubo-hybrid</c> with: the samplers at the default sub-size, exact and QAOA
    /// on 20-variable subproblems (the simulator's limit; 2^20 states keep one exact sub-solve near 0.1 s).
    /// </summary>
    private static IEnumerable<(string Name, int Size)> CompareSubSolvers =>
        HybridSubSolvers.Entries.Where(e => e.Name != "export")
            .Select(e => (e.Name, e.MaxVariables is null ? HybridOptions.DefaultSubSize : QuboPlacementSolver.QaoaMaxQubits));
}
