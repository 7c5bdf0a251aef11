using BenchmarkDotNet.Attributes;
using Quanet.Optimization.Steiner;
using Quanet.Optimization.Steiner.Heuristics;
using Quanet.Optimization.Steiner.Reductions;

namespace Quanet.Benchmarks.Steiner;

/// <summary>Reductions and one shortest-path-heuristic start on a seeded random sparse instance.</summary>
[MemoryDiagnoser]
public class SteinerBenchmarks
{
    private SteinerGraph _graph = null!;
    private SteinerGraph _reduced = null!;

    [Params(2000, 10000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var edges = new List<(int U, int V, long Weight)>();
        for (var v = 1; v < Nodes; v++)
        {
            edges.Add((random.Next(v), v, random.Next(1, 100)));
        }

        for (var i = 0; i < Nodes; i++)
        {
            var a = random.Next(Nodes);
            var b = random.Next(Nodes);
            if (a != b)
            {
                edges.Add((a, b, random.Next(1, 100)));
            }
        }

        _graph = new SteinerGraph(Nodes, edges, Enumerable.Range(0, Nodes).Where(v => v % 50 == 0));
        _reduced = SteinerReducer.Reduce(_graph).Graph;
    }

    [Benchmark]
    public int Reduce() => SteinerReducer.Reduce(_graph).Graph.EdgeCount;

    [Benchmark]
    public long HeuristicOneStart() => SteinerHeuristic.Solve(_reduced, 1, () => false, maxStarts: 1).Cost;
}
