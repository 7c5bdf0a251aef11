using System.Diagnostics;
using System.Globalization;
using Quanet.Benchmarks.Suites;
using Quanet.Core;
using Quanet.Optimization.Embedding;
using Quanet.Optimization.Qubo.Formats;

namespace Quanet.Benchmarks.Optimization;

/// <summary>
/// Minor embedding on D-Wave's qubit graphs: per topology the native clique size, the heuristic embedder's qubits,
/// longest chain and time on K_n and on model files (e.g. a setcover QUBO from <c>quanet setcover --export-qubo</c>),
/// every embedding checked by the independent validator.
/// <c>qubo-embed [--time 60] [--seed 1] [--topologies chimera:16,pegasus:16,zephyr:15] [--cliques 16,24,32] [--random 64:500] [MODEL...]</c>.
/// </summary>
public sealed class EmbedSuite : ISuite
{
    /// <inheritdoc />
    public string Name => "qubo-embed";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var time = double.Parse(Option(args, "--time", "60"), CultureInfo.InvariantCulture);
        var seed = int.Parse(Option(args, "--seed", "1"), CultureInfo.InvariantCulture);
        var topologies = Option(args, "--topologies", "chimera:16,pegasus:16,zephyr:15").Split(',', ';');
        var cliques = Option(args, "--cliques", "16,24,32").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var models = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))).ToArray();
        var options = new EmbeddingOptions { Seed = seed, TimeLimit = TimeSpan.FromSeconds(time) };

        Console.WriteLine("| topology | qubits | native clique | graph | variables | couplers | physical qubits | max chain | mean chain | valid | time s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var spec in topologies.Select(t => t.Replace(';', ',')))
        {
            var target = HardwareGraph.Parse(spec.Trim());
            var native = NativeClique.LargestSize(target);
            var nativeEmbedding = NativeClique.Embed(native, target);
            Row(target, native, $"K_{native} native", native, native * (native - 1) / 2, nativeEmbedding,
                EmbeddingValidator.Problems(nativeEmbedding, native, Complete(native), target).Count == 0, 0);
            foreach (var n in cliques)
            {
                var edges = Complete(n);
                Measure(target, native, $"K_{n}", n, edges.Count, () => MinorEmbedder.Embed(n, edges, target, options),
                    e => EmbeddingValidator.Problems(e, n, edges, target).Count == 0);
            }

            foreach (var spec2 in Option(args, "--random", "").Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = spec2.Split(':');
                var n = int.Parse(parts[0], CultureInfo.InvariantCulture);
                var edges = Random(n, int.Parse(parts[1], CultureInfo.InvariantCulture), seed);
                Measure(target, native, $"G({n},{edges.Count})", n, edges.Count, () => MinorEmbedder.Embed(n, edges, target, options),
                    e => EmbeddingValidator.Problems(e, n, edges, target).Count == 0);
            }

            foreach (var path in models)
            {
                var model = QuboFormats.Read(path, QuboFormats.FromPath(path));
                Measure(target, native, Path.GetFileName(path), model.VariableCount, model.InteractionCount,
                    () => MinorEmbedder.Embed(model, target, options), e => EmbeddingValidator.Problems(e, model, target).Count == 0);
            }
        }

        return 0;
    }

    private static void Measure(HardwareGraph target, int native, string name, int variables, int couplers, Func<MinorEmbedding> embed, Func<MinorEmbedding, bool> valid)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var embedding = embed();
            Row(target, native, name, variables, couplers, embedding, valid(embedding), clock.Elapsed.TotalSeconds);
        }
        catch (QuanetException)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {target.Topology} | {target.QubitCount} | K_{native} | {name} | {variables} | {couplers} | not found | | | | {clock.Elapsed.TotalSeconds:0.0} |"));
        }
    }

    private static void Row(HardwareGraph target, int native, string name, int variables, int couplers, MinorEmbedding embedding, bool valid, double seconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {target.Topology} | {target.QubitCount} | K_{native} | {name} | {variables} | {couplers} | {embedding.QubitCount} | {embedding.MaxChainLength} | {(double)embedding.QubitCount / Math.Max(1, embedding.Count):0.00} | {(valid ? "yes" : "NO")} | {seconds:0.0} |"));

    /// <summary>A seeded random graph on <paramref name="n"/> vertices with <paramref name="m"/> distinct edges.</summary>
    private static List<(int, int)> Random(int n, int m, int seed)
    {
        var rng = new Random(seed);
        var seen = new HashSet<(int, int)>();
        var edges = new List<(int, int)>();
        while (edges.Count < m)
        {
            int u = rng.Next(n), v = rng.Next(n);
            if (u != v && seen.Add((Math.Min(u, v), Math.Max(u, v))))
            {
                edges.Add((Math.Min(u, v), Math.Max(u, v)));
            }
        }

        return edges;
    }

    private static List<(int, int)> Complete(int n)
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

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
