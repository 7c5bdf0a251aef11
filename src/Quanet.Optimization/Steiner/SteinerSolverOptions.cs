namespace Quanet.Optimization.Steiner;

/// <summary>Options of <see cref="SteinerSolver"/>.</summary>
public sealed record SteinerSolverOptions
{
    /// <summary>The method. <value>Default <see cref="SteinerMethod.Exact"/>.</value></summary>
    public SteinerMethod Method { get; init; } = SteinerMethod.Exact;

    /// <summary>Wall-clock limit for the whole solve. <value>Default 60 s.</value></summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Seed of the randomised heuristic parts. <value>Default 1.</value></summary>
    public int Seed { get; init; } = 1;

    /// <summary>Whether to apply the reduction tests first. <value>Default true.</value></summary>
    public bool Reduce { get; init; } = true;

    /// <summary>
    /// Work limit of the heuristic incumbent: rounds at most (a shortest-path start or a recombination of elite
    /// trees, each followed by local search), so that the tree does not depend on the machine's load when the
    /// time limit is generous; null for the default: none for <see cref="SteinerMethod.Heuristic"/> (the time
    /// limit and the heuristic's own stall rule end it), 50 plus 2 per terminal of the reduced graph for the others.
    /// <value>Default null.</value>
    /// </summary>
    public int? HeuristicRounds { get; init; }

    /// <summary>
    /// Whether the exact method's branch-and-cut runs Quanet's own branch-and-bound over a warm-started COIN-OR CLP
    /// LP (when the library is installed) instead of the default cut loop on GLOP followed by SCIP. Off by default:
    /// measured so far it proves no instance the default does not, and is slower per CPU second on the group
    /// instances (docs/steiner.md). <value>Default false.</value>
    /// </summary>
    public bool UseClp { get; init; }

    /// <summary>
    /// Whether the exact method's bound-based reduction rounds also run the extended star test (pseudo-elimination
    /// by extension, docs/steiner.md): always (true), never (false), or, by default (null), when the reduced graph has
    /// more terminals than the subset programme takes (<see cref="Exact.ExactSolver.MaxProgrammeTerminals"/>), where the
    /// proof rests on the cut relaxation and the size of the graph. On the 200 PACE 2018 track-1 instances that is six
    /// (195-200): it proves instance200 and shortens 197-199, while on the others, solved by the programme, it cost
    /// 1-6 s each that the proof did not win back (bench/README.md, section steiner-peers). <value>Default null.</value>
    /// </summary>
    public bool? ExtendedStar { get; init; }

    /// <summary>
    /// Ends the solve early, like the time limit: the best tree found so far is returned with
    /// <see cref="SteinerSolution.Interrupted"/> set. <value>Default none.</value>
    /// </summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Clock for the time limit. <value>Default <see cref="TimeProvider.System"/>.</value></summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Solves a QUBO for <see cref="SteinerMethod.Qubo"/>: given the model, returns the best state found
    /// (binary 0/1 per variable). Null uses the built-in exhaustive search for up to 24 variables and
    /// SCIP on the linearised QUBO beyond.
    /// </summary>
    public Func<Quanet.Optimization.Qubo.BinaryQuadraticModel, sbyte[]>? QuboSolver { get; init; }

    /// <summary>
    /// Solves the QUBO for <see cref="SteinerMethod.Qubo"/> from a start: given the model and the heuristic tree's state
    /// (<see cref="Quanet.Optimization.Steiner.Qubo.SteinerQubo.Encode"/>), returns the best state found, e.g. by hybrid
    /// decomposition. Takes precedence over <see cref="QuboSolver"/>; null for none.
    /// </summary>
    public Func<Quanet.Optimization.Qubo.BinaryQuadraticModel, sbyte[], sbyte[]>? QuboFromStart { get; init; }

    /// <summary>Called with the QUBO of the reduced instance once it is built (e.g. to export it); null for none.</summary>
    public Action<Quanet.Optimization.Steiner.Qubo.SteinerQubo>? QuboBuilt { get; init; }
}
