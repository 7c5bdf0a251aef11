namespace Quanet.Optimization.Hardware;

/// <summary>What a model needs on one annealer topology: the physical qubits and longest chain of an embedding, or why there is none.</summary>
/// <param name="Topology">The target, e.g. <c>pegasus:16</c>.</param>
/// <param name="PhysicalQubits">Qubits in all chains together; null when no embedding was found.</param>
/// <param name="MaxChainLength">The longest chain; null when no embedding was found.</param>
/// <param name="Reason">Why there is no embedding (too many variables or couplers, or none found within the budget); null when there is one.</param>
/// <param name="Method">How the chains were found: <c>heuristic</c> (<see cref="Embedding.MinorEmbedder"/>) or <c>native clique</c> (<see cref="Embedding.NativeClique"/>); null without an embedding.</param>
public sealed record EmbeddingFigure(string Topology, int? PhysicalQubits, int? MaxChainLength, string? Reason, string? Method = null);
