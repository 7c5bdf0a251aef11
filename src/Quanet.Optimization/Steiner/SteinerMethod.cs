namespace Quanet.Optimization.Steiner;

/// <summary>How <see cref="SteinerSolver"/> solves an instance.</summary>
public enum SteinerMethod
{
    /// <summary>Reductions, heuristic incumbent, dual ascent, cut LP and SCIP: a proven optimum or a gap.</summary>
    Exact,

    /// <summary>Reductions and the multi-start local-search heuristic with a dual-ascent lower bound.</summary>
    Heuristic,

    /// <summary>Reductions, then the QUBO formulation of the reduced instance solved by a QUBO sampler.</summary>
    Qubo,
}
