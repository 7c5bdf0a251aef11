using System.Text;
using System.Text.Json;
using Quanet.Core;
using Quanet.Core.Text;

namespace Quanet.Optimization.Embedding;

/// <summary>
/// The embedding file: one JSON object <c>{"topology": "chimera:16", "chains": {"&lt;variable&gt;": [qubit, ...]}}</c>,
/// chains in the logical model's variable order, keyed by the variables' labels, qubits as D-Wave linear indices.
/// </summary>
public static class EmbeddingFile
{
    /// <summary>The embedding as the file's text.</summary>
    public static string Write(MinorEmbedding embedding)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("topology", embedding.Topology);
            writer.WriteStartObject("chains");
            for (var v = 0; v < embedding.Count; v++)
            {
                writer.WriteStartArray(embedding.Labels[v]);
                foreach (var q in embedding.Chain(v))
                {
                    writer.WriteNumberValue(q);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes the embedding to <paramref name="path"/>.</summary>
    public static void Write(MinorEmbedding embedding, string path) => File.WriteAllText(path, Write(embedding));

    /// <summary>Reads an embedding file's text; <paramref name="fileName"/> names it in errors.</summary>
    /// <exception cref="InputFormatException">The text is not an embedding file (the message names what was expected).</exception>
    public static MinorEmbedding Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InputFormatException(fileName, (int)(e.LineNumber ?? 0) + 1, "not valid JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("topology", out var topology) || topology.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("chains", out var chains) || chains.ValueKind != JsonValueKind.Object)
            {
                throw new InputFormatException(fileName, 1, "expected an object with \"topology\" (a string) and \"chains\" (an object)");
            }

            var labels = new List<string>();
            var list = new List<IReadOnlyList<int>>();
            foreach (var chain in chains.EnumerateObject())
            {
                if (chain.Value.ValueKind != JsonValueKind.Array)
                {
                    throw new InputFormatException(fileName, 1, $"chain of '{Printable.Escape(chain.Name)}' is not an array of qubits");
                }

                var qubits = new List<int>();
                foreach (var q in chain.Value.EnumerateArray())
                {
                    if (q.ValueKind != JsonValueKind.Number || !q.TryGetInt32(out var qubit) || qubit < 0)
                    {
                        throw new InputFormatException(fileName, 1, $"chain of '{Printable.Escape(chain.Name)}' holds {Printable.Escape(q.GetRawText())}, not a qubit index");
                    }

                    qubits.Add(qubit);
                }

                labels.Add(chain.Name);
                list.Add(qubits);
            }

            return new MinorEmbedding(topology.GetString()!, labels, list);
        }
    }

    /// <summary>Reads the embedding file at <paramref name="path"/>.</summary>
    /// <exception cref="InputFormatException">The file is not an embedding file.</exception>
    public static MinorEmbedding Read(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));
}
