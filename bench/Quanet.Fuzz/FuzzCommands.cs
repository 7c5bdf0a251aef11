using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharpFuzz;

namespace Quanet.Fuzz;

/// <summary>The verbs of the fuzz target program.</summary>
internal static class FuzzCommands
{
    public static int Usage()
    {
        Console.Error.WriteLine("usage: Quanet.Fuzz list | seeds TARGET DIR GEN | run TARGET | replay TARGET FILE...");
        return 2;
    }

    public static int List()
    {
        foreach (var target in FuzzCatalog.All)
        {
            Console.WriteLine($"{target.Name,-20} {target.Description}");
        }

        return 0;
    }

    public static int Seeds(string name, string directory, string generated)
    {
        if (FuzzCatalog.Find(name) is not { } target)
        {
            return Unknown(name);
        }

        Directory.CreateDirectory(directory);
        var count = 0;
        foreach (var seed in target.Seeds)
        {
            var source = seed.StartsWith("generated/", StringComparison.Ordinal) ? Path.Combine(generated, seed["generated/".Length..]) : seed;
            var files = Directory.Exists(source) ? Directory.GetFiles(source) : File.Exists(source) ? [source] : [];
            foreach (var file in files)
            {
                var copy = Path.Combine(directory, $"seed{++count}{Path.GetExtension(file)}");
                if (new FileInfo(file).Length <= MaxSeedBytes)
                {
                    File.Copy(file, copy, overwrite: true);
                }
                else if (FirstFeatures(file, MaxSeedBytes / 4) is { } collection)
                {
                    // a large GeoJSON file (often one line) contributes a collection of its first features
                    File.WriteAllText(copy, collection, new UTF8Encoding(false));
                }
                else
                {
                    // AFL++ works best on small seeds: a large file contributes its first lines
                    File.WriteAllLines(copy, FirstLines(file, MaxSeedBytes / 4));
                }
            }
        }

        foreach (var text in target.Inline())
        {
            File.WriteAllText(Path.Combine(directory, $"seed{++count}{target.Extension}"), text, new UTF8Encoding(false));
        }

        Console.WriteLine($"{name}: {count} seeds in {directory}");
        return count > 0 ? 0 : 1;
    }

    public static int Run(string name)
    {
        if (FuzzCatalog.Find(name) is not { } target)
        {
            return Unknown(name);
        }

        Fuzzer.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            Outcome.Run(target, buffer.ToArray());
        });
        return 0;
    }

    public static int Replay(string name, string[] files)
    {
        if (FuzzCatalog.Find(name) is not { } target)
        {
            return Unknown(name);
        }

        var findings = 0;
        foreach (var file in files)
        {
            try
            {
                var refusal = Outcome.Run(target, File.ReadAllBytes(file));
                Console.WriteLine($"{file}: {(refusal is null ? "accepted" : "refused: " + refusal)}");
            }
#pragma warning disable CA1031 // a replay reports every finding and goes on
            catch (Exception ex)
#pragma warning restore CA1031
            {
                findings++;
                Console.WriteLine($"{file}: FINDING {ex.GetType().Name}: {ex.Message}");
                Console.WriteLine(ex.StackTrace);
            }
        }

        return findings == 0 ? 0 : 1;
    }

    private const int MaxSeedBytes = 64 * 1024;

    private static string? FirstFeatures(string file, int bytes)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(file));
        }
        catch (JsonException)
        {
            return null;
        }

        if (root is not JsonObject document || document["features"] is not JsonArray features || features.Count == 0)
        {
            return null;
        }

        // keep each kind of feature (site, demand, link...) at least once, then as many as fit
        var kept = new JsonArray();
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var size = 0;
        foreach (var feature in features)
        {
            var text = feature?.ToJsonString() ?? "null";
            var kind = feature?["properties"]?["kind"]?.ToString() ?? feature?["geometry"]?["type"]?.ToString() ?? "";
            if (kinds.Add(kind) || size + text.Length <= bytes)
            {
                kept.Add(feature?.DeepClone());
                size += text.Length;
            }
        }

        document["features"] = kept;
        return document.ToJsonString();
    }

    private static IEnumerable<string> FirstLines(string file, int bytes)
    {
        var total = 0;
        foreach (var line in File.ReadLines(file))
        {
            total += line.Length + 1;
            if (total > bytes)
            {
                yield break;
            }

            yield return line;
        }
    }

    private static int Unknown(string name)
    {
        Console.Error.WriteLine($"unknown target '{name}': run 'Quanet.Fuzz list'");
        return 2;
    }
}
