using System.Globalization;

namespace Quanet.Optimization.Steiner;

/// <summary>Writes a <see cref="SteinerGraph"/> as SteinLib STP (with the magic line) or as PACE 2018 <c>.gr</c> (without).</summary>
public static class StpWriter
{
    /// <summary>Writes <paramref name="graph"/> to <paramref name="writer"/> with 1-based node ids.</summary>
    /// <param name="graph">The instance.</param>
    /// <param name="writer">Destination.</param>
    /// <param name="name">Written as the comment's <c>Name</c>; null for none.</param>
    /// <param name="magicLine">True for SteinLib STP (default), false for the PACE variant.</param>
    public static void Write(SteinerGraph graph, TextWriter writer, string? name = null, bool magicLine = true)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(writer);
        var inv = CultureInfo.InvariantCulture;
        if (magicLine)
        {
            writer.WriteLine(StpReader.MagicLine);
            writer.WriteLine();
            writer.WriteLine("SECTION Comment");
            writer.WriteLine(string.Create(inv, $"Name \"{name ?? "quanet"}\""));
            writer.WriteLine("Creator \"Quanet\"");
            writer.WriteLine("END");
            writer.WriteLine();
        }

        writer.WriteLine("SECTION Graph");
        writer.WriteLine(string.Create(inv, $"Nodes {graph.NodeCount}"));
        writer.WriteLine(string.Create(inv, $"Edges {graph.EdgeCount}"));
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            writer.WriteLine(string.Create(inv, $"E {graph.Tail(e) + 1} {graph.Head(e) + 1} {graph.Weight(e)}"));
        }

        writer.WriteLine("END");
        writer.WriteLine();
        writer.WriteLine("SECTION Terminals");
        writer.WriteLine(string.Create(inv, $"Terminals {graph.TerminalCount}"));
        foreach (var t in graph.Terminals)
        {
            writer.WriteLine(string.Create(inv, $"T {t + 1}"));
        }

        writer.WriteLine("END");
        writer.WriteLine();
        if (graph.Coordinates is { } coords)
        {
            writer.WriteLine("SECTION Coordinates");
            for (var v = 0; v < coords.Count; v++)
            {
                writer.WriteLine(string.Create(inv, $"DD {v + 1} {coords[v].X.ToString("R", inv)} {coords[v].Y.ToString("R", inv)}"));
            }

            writer.WriteLine("END");
            writer.WriteLine();
        }

        writer.WriteLine("EOF");
    }
}
