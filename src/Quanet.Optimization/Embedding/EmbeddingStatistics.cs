using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Embedding;

/// <summary>What an embedded model needs on the target.</summary>
/// <param name="Topology">The target's topology string.</param>
/// <param name="LogicalVariables">Variables of the logical model.</param>
/// <param name="LogicalCouplers">Interactions of the logical model.</param>
/// <param name="PhysicalQubits">Qubits in all chains together.</param>
/// <param name="MaxChainLength">The longest chain.</param>
/// <param name="MeanChainLength">Physical qubits per logical variable.</param>
/// <param name="TargetQubits">Qubits of the target graph.</param>
/// <param name="LargestNativeClique">The largest K_n <see cref="NativeClique"/> embeds in the target.</param>
public sealed record EmbeddingStatistics(
    string Topology,
    int LogicalVariables,
    int LogicalCouplers,
    int PhysicalQubits,
    int MaxChainLength,
    double MeanChainLength,
    int TargetQubits,
    int LargestNativeClique)
{
    /// <summary>The statistics of <paramref name="embedding"/> of <paramref name="model"/> into <paramref name="target"/>.</summary>
    public static EmbeddingStatistics Of(MinorEmbedding embedding, BinaryQuadraticModel model, HardwareGraph target)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(target);
        var qubits = embedding.QubitCount;
        return new EmbeddingStatistics(
            target.Topology,
            model.VariableCount,
            model.InteractionCount,
            qubits,
            embedding.MaxChainLength,
            embedding.Count == 0 ? 0.0 : (double)qubits / embedding.Count,
            target.QubitCount,
            NativeClique.LargestSize(target));
    }
}
