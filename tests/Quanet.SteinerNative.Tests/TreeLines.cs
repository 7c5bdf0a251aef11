using Quanet.Optimization.Steiner;

namespace Quanet.SteinerNative.Tests;

/// <summary>Reads the tree back from <c>quanet-steiner</c>'s output and checks it against the instance.</summary>
internal static class TreeLines
{
    /// <summary>The cost on the VALUE line and the cost of the edges below it, checked as a Steiner tree of <paramref name="graph"/>.</summary>
    public static (long Value, long Checked) Check(SteinerGraph graph, string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("VALUE ", lines[0], StringComparison.Ordinal);
        var value = long.Parse(lines[0]["VALUE ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var edges = new List<int>();
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split(' ');
            Assert.Equal(2, parts.Length);
            edges.Add(EdgeOf(graph, int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) - 1, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) - 1));
        }

        return (value, SteinerTreeValidator.Validate(graph, edges));
    }

    /// <summary>The cost of the <c>edges</c> of a <c>--json</c> document, checked as a Steiner tree of <paramref name="graph"/>.</summary>
    public static long CheckJson(SteinerGraph graph, System.Text.Json.JsonElement root) =>
        SteinerTreeValidator.Validate(graph, [.. root.GetProperty("edges").EnumerateArray().Select(p => EdgeOf(graph, p[0].GetInt32() - 1, p[1].GetInt32() - 1))]);

    /// <summary>The cheapest edge between <paramref name="u"/> and <paramref name="v"/> (0-based).</summary>
    public static int EdgeOf(SteinerGraph graph, int u, int v)
    {
        var best = -1;
        foreach (var e in graph.IncidentEdges(u))
        {
            if (graph.Other(e, u) == v && (best < 0 || graph.Weight(e) < graph.Weight(best)))
            {
                best = e;
            }
        }

        Assert.True(best >= 0, $"no edge {u + 1}-{v + 1} in the instance");
        return best;
    }
}
