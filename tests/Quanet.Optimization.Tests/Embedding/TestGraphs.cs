using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Tests.Embedding;

/// <summary>Logical graphs and models for the embedding tests.</summary>
internal static class TestGraphs
{
    public static List<(int, int)> Complete(int n)
    {
        var edges = new List<(int, int)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                edges.Add((i, j));
            }
        }

        return edges;
    }

    /// <summary>An Erdős–Rényi G(n, p) graph from a fixed seed.</summary>
    public static List<(int, int)> Random(int n, double p, int seed)
    {
        var random = new Random(seed);
        var edges = new List<(int, int)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (random.NextDouble() < p)
                {
                    edges.Add((i, j));
                }
            }
        }

        return edges;
    }

    /// <summary>A rows-by-columns toroidal grid: Gset G11-G13 have this shape with 800 vertices and 1600 edges.</summary>
    public static List<(int, int)> Torus(int rows, int columns)
    {
        var edges = new List<(int, int)>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var v = (r * columns) + c;
                edges.Add((v, (r * columns) + ((c + 1) % columns)));
                edges.Add((v, (((r + 1) % rows) * columns) + c));
            }
        }

        return edges;
    }

    /// <summary>A model over the graph with random integer fields and couplings, labelled "x0", "x1", ...</summary>
    public static BinaryQuadraticModel Model(int n, IEnumerable<(int, int)> edges, Vartype vartype, int seed)
    {
        var random = new Random(seed);
        var builder = new BqmBuilder(vartype);
        for (var i = 0; i < n; i++)
        {
            builder.AddVariable("x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.AddLinear(i, random.Next(-4, 5));
        }

        foreach (var (i, j) in edges)
        {
            var w = random.Next(-4, 5);
            builder.AddQuadratic(i, j, w == 0 ? 1 : w);
        }

        builder.AddOffset(random.Next(-3, 4));
        return builder.Build();
    }
}
