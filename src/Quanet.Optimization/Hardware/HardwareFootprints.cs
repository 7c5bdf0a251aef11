using System.Globalization;
using Quanet.Core;
using Quanet.Optimization.Embedding;
using Quanet.Optimization.Qaoa.Circuits;
using Quanet.Optimization.Qaoa.Routing;
using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Hardware;

/// <summary>Estimates the <see cref="HardwareFootprint"/> of a model: the columns of the quantum-vs-classical table.</summary>
public static class HardwareFootprints
{
    // angles do not change the gate list of a layer, only the rotation angles
    private static readonly double[] Angle = [0.1];

    /// <summary>
    /// Embeds <paramref name="model"/> on the Pegasus and Zephyr targets (<see cref="MinorEmbedder"/>, checked by
    /// <see cref="EmbeddingValidator"/>) and routes one QAOA layer of it onto <see cref="CouplingMap.Eagle127"/>
    /// (<see cref="SabreRouter"/>, checked by <see cref="RoutingValidator"/>). A model with more variables or couplers
    /// than a target has is not attempted; the figure then says why.
    /// </summary>
    /// <exception cref="InvalidOperationException">An embedding or routed circuit failed its independent check (a defect).</exception>
    public static HardwareFootprint Estimate(BinaryQuadraticModel model, HardwareFootprintOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new HardwareFootprintOptions();
        var pegasus = Embed(model, HardwareGraph.Parse(options.Pegasus), options);
        cancellationToken.ThrowIfCancellationRequested();
        var zephyr = Embed(model, HardwareGraph.Parse(options.Zephyr), options);
        cancellationToken.ThrowIfCancellationRequested();
        return new HardwareFootprint(model.VariableCount, model.InteractionCount, pegasus, zephyr, Route(model, CouplingMap.Eagle127(), options.Seed));
    }

    private static EmbeddingFigure Embed(BinaryQuadraticModel model, HardwareGraph target, HardwareFootprintOptions options)
    {
        if (model.VariableCount > target.QubitCount)
        {
            return new(target.Topology, null, null, Invariant($"{model.VariableCount:N0} variables > {target.QubitCount:N0} qubits"));
        }

        if (model.InteractionCount > target.CouplerCount)
        {
            return new(target.Topology, null, null, Invariant($"{model.InteractionCount:N0} couplers > {target.CouplerCount:N0} on the device"));
        }

        // a dense model (a hybrid's sub-QUBO under a site-count constraint is a clique) takes the native clique
        // embedding, as D-Wave's clique embedders do; a sparse one the heuristic, with the clique as fallback
        var n = model.VariableCount;
        var clique = NativeClique.LargestSize(target);
        var dense = n >= 2 && model.InteractionCount >= 0.5 * n * (n - 1) / 2;
        MinorEmbedding? embedding = null;
        var method = "heuristic";
        if (!dense || n > clique)
        {
            try
            {
                embedding = MinorEmbedder.Embed(model, target, new EmbeddingOptions { Seed = options.Seed, TimeLimit = options.EmbeddingTimeLimit });
            }
            catch (QuanetException) when (n <= clique)
            {
                // the native clique below takes it
            }
            catch (QuanetException)
            {
                return new(target.Topology, null, null, Invariant($"no embedding found in {options.EmbeddingTimeLimit.TotalSeconds:0} s (native cliques reach K{clique})"));
            }
        }

        if (embedding is null)
        {
            embedding = NativeClique.Embed(n, target);
            method = "native clique";
        }

        var problems = EmbeddingValidator.Problems(embedding, model, target);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"the embedding on {target.Topology} is invalid: {problems[0]}");
        }

        return new(target.Topology, embedding.QubitCount, embedding.MaxChainLength, null, method);
    }

    private static RoutingFigure Route(BinaryQuadraticModel model, CouplingMap map, int seed)
    {
        if (model.VariableCount > map.QubitCount)
        {
            return new(map.Name, null, null, null, Invariant($"{model.VariableCount:N0} variables > {map.QubitCount} qubits"));
        }

        var logical = QaoaCircuit.Build(model, Angle, Angle);
        var routed = SabreRouter.Route(logical, map, seed);
        var problems = RoutingValidator.Problems(logical, routed, map);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"the routed circuit on {map.Name} is invalid: {problems[0]}");
        }

        return new(map.Name, routed.TwoQubitGateCount, routed.Depth, routed.SwapCount, null);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
