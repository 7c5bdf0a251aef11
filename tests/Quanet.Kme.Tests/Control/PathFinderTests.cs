using Quanet.Kme.Control;

namespace Quanet.Kme.Tests.Control;

/// <summary>Widest path and Yen's k best paths on graphs small enough to rank by hand.</summary>
public sealed class PathFinderTests
{
    [Fact]
    public void The_widest_path_takes_the_longer_route_when_its_narrowest_link_is_wider()
    {
        // A-B-C: bottleneck 5, 2 hops; A-D-E-C: bottleneck 9, 3 hops.
        var graph = Undirected(("A", "B", 5), ("B", "C", 5), ("A", "D", 9), ("D", "E", 9), ("E", "C", 9));

        var widest = PathFinder.Widest(graph, "A", "C");

        Assert.NotNull(widest);
        Assert.Equal(["A", "D", "E", "C"], widest.Nodes);
        Assert.Equal(9, widest.BottleneckBlocks);
    }

    [Fact]
    public void Among_equally_wide_paths_the_widest_path_has_the_fewest_hops()
    {
        // Bottleneck 4 both ways: A-B-C (2 hops) beats A-D-E-C (3 hops); the wide first link of A-D does not matter.
        var graph = Undirected(("A", "B", 4), ("B", "C", 4), ("A", "D", 100), ("D", "E", 4), ("E", "C", 50));

        var widest = PathFinder.Widest(graph, "A", "C");

        Assert.Equal(["A", "B", "C"], widest!.Nodes);
        Assert.Equal(4, widest.BottleneckBlocks);
    }

    [Fact]
    public void Widths_are_directional_each_end_spends_its_own_share()
    {
        var graph = new LinkGraph();
        graph.AddLink("A", "B", widthAb: 1, widthBa: 10);
        graph.AddLink("A", "C", widthAb: 6, widthBa: 6);
        graph.AddLink("C", "B", widthAb: 6, widthBa: 6);

        Assert.Equal(["A", "C", "B"], PathFinder.Widest(graph, "A", "B")!.Nodes);
        Assert.Equal(["B", "A"], PathFinder.Widest(graph, "B", "A")!.Nodes);
    }

    [Fact]
    public void Yen_on_equal_widths_lists_every_simple_path_by_hop_count()
    {
        // A-B, B-C, A-D, D-E, E-C, B-E; by hand the simple paths A..C are
        // A>B>C (2), A>B>E>C (3), A>D>E>C (3), A>D>E>B>C (4); ties in ordinal order.
        var graph = Undirected(("A", "B", 7), ("B", "C", 7), ("A", "D", 7), ("D", "E", 7), ("E", "C", 7), ("B", "E", 7));

        var paths = PathFinder.KBest(graph, "A", "C", 10);

        Assert.Equal(["A>B>C", "A>B>E>C", "A>D>E>C", "A>D>E>B>C"], paths.Select(p => p.Key));
        Assert.All(paths, p => Assert.Equal(7, p.BottleneckBlocks));
        Assert.Equal(["A>B>C", "A>B>E>C"], PathFinder.KBest(graph, "A", "C", 2).Select(p => p.Key));
    }

    [Fact]
    public void Yen_ranks_alternatives_by_bottleneck_before_hops()
    {
        // Ring of five with a chord: A-B 3, B-C 3 | A-E 8, E-D 8, D-C 8 | B-D 5.
        // By hand: A>E>D>C (bottleneck 8, 3 hops) first; then three paths of bottleneck 3 by hops:
        // A>B>C (2), A>B>D>C (3), A>E>D>B>C (4).
        var graph = Undirected(("A", "B", 3), ("B", "C", 3), ("A", "E", 8), ("E", "D", 8), ("D", "C", 8), ("B", "D", 5));

        var paths = PathFinder.KBest(graph, "A", "C", 10);

        Assert.Equal(["A>E>D>C", "A>B>C", "A>B>D>C", "A>E>D>B>C"], paths.Select(p => p.Key));
        Assert.Equal([8L, 3, 3, 3], paths.Select(p => p.BottleneckBlocks));
    }

    [Fact]
    public void Yen_agrees_with_ranking_every_simple_path_on_random_graphs()
    {
        var random = new Random(20_261_205);
        for (var trial = 0; trial < 200; trial++)
        {
            var nodes = random.Next(3, 8);
            var graph = new LinkGraph();
            var edges = new List<(string, string)>();
            for (var a = 0; a < nodes; a++)
            {
                for (var b = a + 1; b < nodes; b++)
                {
                    if (random.NextDouble() < 0.45)
                    {
                        graph.AddLink(Name(a), Name(b), random.Next(0, 6), random.Next(0, 6));
                        edges.Add((Name(a), Name(b)));
                    }
                }
            }

            var k = random.Next(1, 8);
            var all = AllSimplePaths(graph, edges, Name(0), Name(nodes - 1));
            all.Sort(RankedPath.Order);

            var yen = PathFinder.KBest(graph, Name(0), Name(nodes - 1), k);

            // Equal (bottleneck, hops) paths may come in another order; the ranks must agree.
            Assert.Equal(all.Take(k).Select(p => (p.BottleneckBlocks, p.Hops)), yen.Select(p => (p.BottleneckBlocks, p.Hops)));
            Assert.Equal(yen.Count, yen.Select(p => p.Key).Distinct().Count());
            Assert.All(yen, p => Assert.Equal(p.Nodes.Count, p.Nodes.Distinct().Count()));
            Assert.All(yen, p => Assert.Contains(all, q => q.Key == p.Key));
        }
    }

    [Fact]
    public void No_path_gives_an_empty_list()
    {
        var graph = Undirected(("A", "B", 1), ("C", "D", 1));

        Assert.Null(PathFinder.Widest(graph, "A", "D"));
        Assert.Empty(PathFinder.KBest(graph, "A", "D", 3));
        Assert.Empty(PathFinder.KBest(graph, "A", "Z", 3));
    }

    private static string Name(int i) => ((char)('A' + i)).ToString();

    private static LinkGraph Undirected(params (string A, string B, long Width)[] links)
    {
        var graph = new LinkGraph();
        foreach (var (a, b, width) in links)
        {
            graph.AddLink(a, b, width, width);
        }

        return graph;
    }

    private static List<RankedPath> AllSimplePaths(LinkGraph graph, List<(string, string)> edges, string from, string to)
    {
        var found = new List<RankedPath>();
        void Walk(List<string> path)
        {
            var last = path[^1];
            if (last == to)
            {
                found.Add(new RankedPath([.. path], PathFinder.Bottleneck(graph, path)));
                return;
            }

            foreach (var (a, b) in edges)
            {
                var next = a == last ? b : b == last ? a : null;
                if (next is not null && !path.Contains(next))
                {
                    path.Add(next);
                    Walk(path);
                    path.RemoveAt(path.Count - 1);
                }
            }
        }

        Walk([from]);
        return found;
    }
}
