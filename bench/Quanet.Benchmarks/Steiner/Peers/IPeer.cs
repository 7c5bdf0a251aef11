namespace Quanet.Benchmarks.Steiner.Peers;

/// <summary>A Steiner tree solver run as a process on one PACE instance file.</summary>
public interface IPeer
{
    /// <summary>The column name in the table.</summary>
    string Name { get; }

    /// <summary>Runs the solver on <paramref name="file"/> within <paramref name="limits"/>.</summary>
    PeerRun Run(ChildRun runner, string file, PeerLimits limits);
}
