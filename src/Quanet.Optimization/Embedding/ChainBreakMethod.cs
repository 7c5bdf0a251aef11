namespace Quanet.Optimization.Embedding;

/// <summary>How <see cref="EmbeddedModel.Unembed"/> resolves a chain whose qubits disagree.</summary>
public enum ChainBreakMethod
{
    /// <summary>The value most of the chain's qubits hold; a tie takes the value of the chain's lowest-index qubit.</summary>
    MajorityVote,

    /// <summary>A sample with any broken chain is dropped (<see cref="EmbeddedModel.Unembed"/> returns null).</summary>
    Discard,

    /// <summary>
    /// Majority vote first, then each broken chain in variable order takes the value that lowers the logical energy
    /// given all other variables (kept when both values give the same energy).
    /// </summary>
    MinimizeEnergy,
}
