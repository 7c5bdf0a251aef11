using System.Globalization;
using System.Text;
using System.Text.Json;
using Quanet.Optimization.Steiner;

namespace Quanet.SteinerNative;

/// <summary>
/// Writes a Steiner tree in the PACE 2018 track 1 output format (<c>VALUE cost</c>, then <c>u v</c> per edge, node ids
/// 1-based as in the input) or as the JSON document of <c>quanet steiner --json</c> (the same field names), with
/// <see cref="Utf8JsonWriter"/> so that no reflection is needed in a native executable.
/// </summary>
internal static class TreeWriter
{
    public static void WritePace(TextWriter output, SteinerGraph graph, IReadOnlyList<int> edges, long cost)
    {
        output.Write("VALUE ");
        output.WriteLine(cost.ToString(CultureInfo.InvariantCulture));
        foreach (var e in edges)
        {
            output.Write((graph.Tail(e) + 1).ToString(CultureInfo.InvariantCulture));
            output.Write(' ');
            output.WriteLine((graph.Head(e) + 1).ToString(CultureInfo.InvariantCulture));
        }
    }

    public static void WriteJson(TextWriter output, string instance, SteinerGraph graph, SteinerSolution solution, long cost)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("instance", instance);
            json.WriteString("solver", solution.Method.ToString().ToLowerInvariant());
            json.WriteNumber("cost", cost);
            json.WriteNumber("lower_bound", solution.LowerBound);
            json.WriteBoolean("optimal", solution.Optimal);
            json.WriteNumber("gap_percent", 100.0 * solution.Gap);
            json.WriteNumber("seconds", solution.Elapsed.TotalSeconds);
            json.WriteBoolean("interrupted", solution.Interrupted);
            json.WriteStartObject("reduction");
            json.WriteNumber("nodes", solution.Reduction.NodesAfter);
            json.WriteNumber("edges", solution.Reduction.EdgesAfter);
            json.WriteNumber("terminals", solution.Reduction.TerminalsAfter);
            json.WriteNumber("fixed_cost", solution.Reduction.FixedCost);
            json.WriteEndObject();
            json.WriteStartArray("edges");
            foreach (var e in solution.Edges)
            {
                json.WriteStartArray();
                json.WriteNumberValue(graph.Tail(e) + 1);
                json.WriteNumberValue(graph.Head(e) + 1);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
