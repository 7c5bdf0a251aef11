using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;
using Quanet.Planning.Placement;
using Quanet.Planning.Scenario;

namespace Quanet.Benchmarks.Qaoa;

/// <summary>The models of the qubo-gate suite: seeded random QUBOs and subproblems of the default plan's QUBO.</summary>
internal static class GateInstances
{
    /// <summary>Integer biases in [-3, 3]; each pair coupled with probability 1/2.</summary>
    public static BinaryQuadraticModel Random(int n, int seed)
    {
        var random = new Random(seed);
        var builder = new BqmBuilder(Vartype.Binary);
        builder.AddVariables(n);
        for (var i = 0; i < n; i++)
        {
            builder.AddLinear(i, random.Next(-3, 4));
            for (var j = i + 1; j < n; j++)
            {
                if (random.Next(2) == 0)
                {
                    builder.AddQuadratic(i, j, random.Next(1, 4) * (random.Next(2) == 0 ? -1 : 1));
                }
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// The penalised placement QUBO of a window of the default plan (Bavaria, the embedded default scenario): its
    /// first <paramref name="sites"/> candidate sites, the demand they cover, and the site count scaled to the
    /// window (the whole plan's QUBO, about 6e6 interactions, is above <see cref="PlacementQubo.MaxInteractions"/>);
    /// plus a seeded SA state of it to clamp to.
    /// </summary>
    public static (BinaryQuadraticModel Model, sbyte[] Incumbent, string Description) DefaultPlanWindow(int sites, int seed)
    {
        var scenario = ScenarioBuilder.Build(new PlanRequest(), TimeProvider.System);
        var full = scenario.Instance;
        sites = Math.Min(sites, full.SiteCount);
        // demand points renumbered in their original order, so every coverage list stays sorted
        var covered = full.SiteCovers.Take(sites).SelectMany(c => c).Distinct().Order().ToArray();
        var demandIndex = new Dictionary<int, int>();
        for (var k = 0; k < covered.Length; k++)
        {
            demandIndex[covered[k]] = k;
        }

        var covers = new int[sites][];
        for (var j = 0; j < sites; j++)
        {
            covers[j] = [.. full.SiteCovers[j].Select(d => demandIndex[d])];
        }

        var weights = covered.Select(d => full.DemandWeight[d]).ToArray();
        var window = new CoverageInstance(weights, full.SiteCost[..sites], covers, full.SiteFlags[..sites], full.SiteCapacity?[..sites]);
        var goal = scenario.Request.Goal;
        if (goal.MaxSites is { } maxSites)
        {
            goal = goal with { MaxSites = Math.Max(1, (int)Math.Round((double)maxSites * sites / full.SiteCount)) };
        }

        var model = PlacementQubo.Build(window, goal).Qubo.Model;
        var best = new SimulatedAnnealingSampler { Sweeps = 200 }.Sample(model, new SamplerOptions { Seed = seed, Reads = 4 }).Best;
        var description = $"default plan window: {sites} of {full.SiteCount} sites, {window.DemandCount} demand points, max sites {goal.MaxSites}; QUBO {model.VariableCount} variables, {model.InteractionCount} couplings";
        return (model, best.State.ToArray(), description);
    }

    /// <summary>
    /// The subproblem a decomposition would send: <paramref name="size"/> variables grown breadth first through the
    /// interaction graph from the variable with the largest total coupling weight among those not yet taken by an
    /// earlier subproblem (<paramref name="skip"/>), every other variable clamped to <paramref name="incumbent"/>.
    /// </summary>
    public static BinaryQuadraticModel Subproblem(BinaryQuadraticModel model, sbyte[] incumbent, int size, int skip)
    {
        var weight = new double[model.VariableCount];
        for (var i = 0; i < model.VariableCount; i++)
        {
            for (var k = model.RowStart[i]; k < model.RowStart[i + 1]; k++)
            {
                weight[i] += Math.Abs(model.Weights[k]);
            }
        }

        var roots = Enumerable.Range(0, model.VariableCount).OrderByDescending(i => weight[i]).ThenBy(i => i).ToArray();
        var chosen = new List<int>();
        var inside = new bool[model.VariableCount];
        var queue = new Queue<int>();
        queue.Enqueue(roots[skip * size % roots.Length]);
        inside[queue.Peek()] = true;
        while (chosen.Count < size && queue.Count > 0)
        {
            var v = queue.Dequeue();
            chosen.Add(v);
            for (var k = model.RowStart[v]; k < model.RowStart[v + 1]; k++)
            {
                if (!inside[model.Neighbors[k]])
                {
                    inside[model.Neighbors[k]] = true;
                    queue.Enqueue(model.Neighbors[k]);
                }
            }
        }

        var local = new Dictionary<int, int>();
        var builder = new BqmBuilder(model.Vartype);
        foreach (var v in chosen)
        {
            local[v] = builder.AddVariable(model.Labels[v]);
        }

        var clamped = (sbyte[])incumbent.Clone();
        foreach (var v in chosen)
        {
            clamped[v] = 0;
        }

        foreach (var v in chosen)
        {
            builder.AddLinear(local[v], model.Linear[v]);
            for (var k = model.RowStart[v]; k < model.RowStart[v + 1]; k++)
            {
                var u = model.Neighbors[k];
                if (local.TryGetValue(u, out var lu))
                {
                    if (u > v)
                    {
                        builder.AddQuadratic(local[v], lu, model.Weights[k]);
                    }
                }
                else
                {
                    builder.AddLinear(local[v], model.Weights[k] * incumbent[u]);
                }
            }
        }

        builder.AddOffset(model.Energy(clamped));
        return builder.Build();
    }
}
