using Quanet.Optimization.Qaoa;
using Quanet.Optimization.Sampling;
using Quanet.Planning.Placement;

namespace Quanet.Workflows.Solvers;

/// <summary>The site placement and set covering solvers (<c>plan</c>, <c>setcover</c>).</summary>
public static partial class SolverCatalogue
{
    private static readonly SolverEntry<IPlacementSolver> CpSat = new()
    {
        Name = "cpsat",
        Description = "exact CP-SAT: proven optimum or gap within the time limit",
        Create = () => new CpSatPlacementSolver(),
        NeedsOrTools = true,
    };

    private static readonly SolverEntry<IPlacementSolver> Heuristic = new()
    {
        Name = "heuristic",
        Description = "greedy or Lagrangian start, then local search / iterated greedy",
        Create = () => new HeuristicPlacementSolver(),
    };

    private static readonly SolverEntry<IPlacementSolver> Anneal = new()
    {
        Name = "anneal",
        Description = "simulated annealing over site selections",
        Create = () => new AnnealPlacementSolver(),
    };

    private static readonly SolverEntry<IPlacementSolver> QuboAnnealing = new()
    {
        Name = "qubo",
        Description = "QUBO sampled by simulated annealing, repaired if needed",
        Create = () => new QuboPlacementSolver(new SimulatedAnnealingSampler(), "qubo"),
    };

    private static readonly SolverEntry<IPlacementSolver> Qaoa = new()
    {
        Name = "qaoa",
        Description = $"QUBO on a simulated QAOA circuit, up to {QuboPlacementSolver.QaoaMaxQubits} qubits",
        Create = () => new QuboPlacementSolver(new QaoaSampler(), "qaoa", QuboPlacementSolver.QaoaMaxQubits),
        MaxVariables = QuboPlacementSolver.QaoaMaxQubits,
    };

    /// <summary>Site placement solvers (<c>plan --solver</c>): default cpsat, 30 s; <c>compare</c> runs them all.</summary>
    public static SolverFamily<IPlacementSolver> Placement { get; } =
        new("placement", [CpSat, Heuristic, Anneal, QuboAnnealing, QuboHybrid, Qaoa], defaultName: "cpsat", defaultSeconds: 30, allowsCompare: true);

    /// <summary>Set covering solvers (<c>setcover --solver</c>): default cpsat, 60 s.</summary>
    public static SolverFamily<IPlacementSolver> SetCover { get; } =
        new("set cover", [CpSat, Heuristic, QuboAnnealing, QuboHybrid, Anneal], defaultName: "cpsat", defaultSeconds: 60);
}
