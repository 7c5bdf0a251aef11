using Quanet.Core;

namespace Quanet.Planning.Placement;

/// <summary>A solver cannot run on this instance (e.g. more qubits than QAOA simulation allows).</summary>
public sealed class SolverUnavailableException : QuanetException
{
    /// <summary>Creates the exception with the reason.</summary>
    public SolverUnavailableException(string message)
        : base(message)
    {
    }
}
