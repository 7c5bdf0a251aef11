using System.Globalization;
using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Embedding;

/// <summary>
/// A logical model placed on the target through a minor embedding, as an Ising model over the chains' qubits:
/// each logical field h_v is spread evenly over the qubits of v's chain, each logical coupling J_uv evenly over the
/// target's couplers between the two chains, and every coupler inside a chain gets -strength with +strength added to
/// the offset, so that a state whose chains are all intact has exactly the logical energy.
/// Physical variable i is qubit <see cref="Qubits"/>[i] (labelled by its linear index).
/// </summary>
public sealed partial class EmbeddedModel
{
    private readonly int[] _qubits;
    private readonly int[][] _chainVariables;

    private EmbeddedModel(BinaryQuadraticModel logical, MinorEmbedding embedding, BinaryQuadraticModel physical, int[] qubits, int[][] chainVariables, double strength, int chainCouplers)
    {
        Logical = logical;
        Embedding = embedding;
        Physical = physical;
        _qubits = qubits;
        _chainVariables = chainVariables;
        ChainStrength = strength;
        ChainCouplerCount = chainCouplers;
    }

    /// <summary>The logical model.</summary>
    public BinaryQuadraticModel Logical { get; }

    /// <summary>The embedding used.</summary>
    public MinorEmbedding Embedding { get; }

    /// <summary>The physical Ising model over the chains' qubits.</summary>
    public BinaryQuadraticModel Physical { get; }

    /// <summary>The qubit (linear index) of each physical variable.</summary>
    public ReadOnlySpan<int> Qubits => _qubits;

    /// <summary>The chain coupling strength (the chain couplers hold -strength).</summary>
    public double ChainStrength { get; }

    /// <summary>Couplers inside chains (each adds -strength to the energy of an intact chain, cancelled by the offset).</summary>
    public int ChainCouplerCount { get; }

    /// <summary>
    /// Embeds <paramref name="logical"/> with <paramref name="embedding"/> into <paramref name="target"/>; the chain
    /// strength defaults to uniform torque compensation.
    /// </summary>
    /// <exception cref="ArgumentException">The embedding does not fit the model or leaves a coupling without a coupler.</exception>
    public static EmbeddedModel Create(BinaryQuadraticModel logical, MinorEmbedding embedding, HardwareGraph target, double? chainStrength = null)
    {
        ArgumentNullException.ThrowIfNull(logical);
        ArgumentNullException.ThrowIfNull(embedding);
        ArgumentNullException.ThrowIfNull(target);
        if (embedding.Count != logical.VariableCount)
        {
            throw new ArgumentException($"the embedding has {embedding.Count} chains but the model {logical.VariableCount} variables", nameof(embedding));
        }

        var strength = chainStrength ?? global::Quanet.Optimization.Embedding.ChainStrength.UniformTorqueCompensation(logical);
        var ising = logical.ToIsing();
        var builder = new BqmBuilder(Vartype.Spin);
        var chainVariables = new int[embedding.Count][];
        var qubits = new List<int>();
        for (var v = 0; v < embedding.Count; v++)
        {
            var chain = embedding.Chain(v);
            chainVariables[v] = new int[chain.Length];
            for (var c = 0; c < chain.Length; c++)
            {
                chainVariables[v][c] = builder.AddVariable(chain[c].ToString(CultureInfo.InvariantCulture));
                qubits.Add(chain[c]);
                builder.AddLinear(chainVariables[v][c], ising.Linear[v] / chain.Length);
            }
        }

        var chainCouplers = 0;
        for (var v = 0; v < embedding.Count; v++)
        {
            var chain = embedding.Chain(v);
            for (var a = 0; a < chain.Length; a++)
            {
                for (var b = a + 1; b < chain.Length; b++)
                {
                    if (target.AreCoupled(chain[a], chain[b]))
                    {
                        builder.AddQuadratic(chainVariables[v][a], chainVariables[v][b], -strength);
                        chainCouplers++;
                    }
                }
            }
        }

        var between = new List<(int, int)>();
        foreach (var (u, v, j) in ising.Interactions())
        {
            between.Clear();
            var cu = embedding.Chain(u);
            var cv = embedding.Chain(v);
            for (var a = 0; a < cu.Length; a++)
            {
                for (var b = 0; b < cv.Length; b++)
                {
                    if (target.AreCoupled(cu[a], cv[b]))
                    {
                        between.Add((chainVariables[u][a], chainVariables[v][b]));
                    }
                }
            }

            if (between.Count == 0)
            {
                throw new ArgumentException($"no coupler between the chains of '{logical.Labels[u]}' and '{logical.Labels[v]}'", nameof(embedding));
            }

            foreach (var (p, q) in between)
            {
                builder.AddQuadratic(p, q, j / between.Count);
            }
        }

        builder.AddOffset(ising.Offset + (strength * chainCouplers));
        return new EmbeddedModel(logical, embedding, builder.Build(), [.. qubits], chainVariables, strength, chainCouplers);
    }
}
