using Quanet.Optimization.Qubo;
using Quanet.Optimization.Qubo.Formats;
using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.MaxCut;

/// <summary>
/// Max-cut through the Ising model: maximising sum_{ij in cut} w_ij is minimising E(s) = sum w_ij s_i s_j,
/// because cut(s) = (W - E(s)) / 2 with W the total weight (<see cref="WeightedGraph.ToMaxCutIsing"/>).
/// </summary>
public static class MaxCutSolver
{
    /// <summary>The cut of a max-cut Ising energy: (W - E) / 2.</summary>
    public static double CutFromEnergy(WeightedGraph graph, double energy)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return (graph.TotalWeight - energy) / 2.0;
    }

    /// <summary>The max-cut Ising energy of a cut value: W - 2 cut (a target energy for a known cut).</summary>
    public static double EnergyFromCut(WeightedGraph graph, double cut)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.TotalWeight - (2.0 * cut);
    }

    /// <summary>
    /// Finds a large cut of <paramref name="graph"/> with <paramref name="sampler"/>; when
    /// <paramref name="targetCut"/> is given the run stops as soon as a cut that large is found.
    /// </summary>
    public static MaxCutResult Solve(WeightedGraph graph, ISampler sampler, SamplerOptions options, double? targetCut = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(options);
        var model = graph.ToMaxCutIsing();
        if (targetCut is { } cut)
        {
            options = options with { TargetEnergy = EnergyFromCut(graph, cut) };
        }

        var result = sampler.Sample(model, options, cancellationToken);
        var best = result.Best;
        var sides = BinaryQuadraticModel.ConvertState(best.State, model.Vartype, Vartype.Spin);
        return new MaxCutResult(graph.CutValue(sides), sides, best.Energy, result.Statistics);
    }
}
