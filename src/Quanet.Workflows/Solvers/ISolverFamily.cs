namespace Quanet.Workflows.Solvers;

/// <summary>What every <see cref="SolverFamily{TSolver}"/> can say about itself without building a solver (listings, help, the server).</summary>
public interface ISolverFamily
{
    /// <summary>The problem kind, e.g. "QUBO" or "placement".</summary>
    string Problem { get; }

    /// <summary>The entry names, in order.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>The solver used when none is named.</summary>
    string DefaultName { get; }

    /// <summary>The default time limit in seconds; 0 means none.</summary>
    double DefaultSeconds { get; }

    /// <summary>Whether <c>compare</c> (every entry) is accepted as a name.</summary>
    bool AllowsCompare { get; }

    /// <summary>Each entry's name, description and size limit, in order.</summary>
    IReadOnlyList<SolverListing> List();
}
