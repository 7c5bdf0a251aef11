namespace Quanet.Optimization.Qubo.Formats;

/// <summary>The model file formats Quanet reads and writes.</summary>
public enum QuboFormat
{
    /// <summary>Gset / MQLib max-cut graph: <c>n m</c> then <c>i j w</c>, 1-based; read as the max-cut Ising model.</summary>
    Gset,

    /// <summary>D-Wave dimod BQM JSON (<c>to_serializable</c>, bqm_schema 3.0.0).</summary>
    DimodJson,

    /// <summary>dimod COO text: <c>i j bias</c> per line (i == j for linear), optional <c># vartype=SPIN</c> header.</summary>
    Coo,

    /// <summary>qbsolv <c>.qubo</c>: <c>p qubo 0 maxNodes nNodes nCouplers</c>, then node and coupler lines, 0-based.</summary>
    Qbsolv,

    /// <summary>CPLEX LP with a quadratic objective over binary variables and no constraints.</summary>
    CplexLp,

    /// <summary>Amazon Braket annealing problem JSON (<c>braket.ir.annealing.problem</c>); write only.</summary>
    BraketAnnealing,
}
