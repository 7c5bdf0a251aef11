namespace Quanet.Planning.Geography;

/// <summary>The places and outlines embedded in the assembly (from the repository's data/ folder).</summary>
public static class EmbeddedData
{
    private const string Prefix = "Quanet.Planning.Data.";

    /// <summary>Country codes with both places and an outline embedded, sorted.</summary>
    public static IReadOnlyList<string> Countries { get; } = FindCountries();

    /// <summary>Opens the places CSV of <paramref name="country"/>.</summary>
    public static Stream OpenPlaces(string country) => Open($"places-{country}.csv");

    /// <summary>Reads the outline GeoJSON of <paramref name="country"/>.</summary>
    public static byte[] OutlineBytes(string country)
    {
        using var stream = Open($"outline-{country}.geojson");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static Stream Open(string name) =>
        typeof(EmbeddedData).Assembly.GetManifestResourceStream(Prefix + name)
        ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");

    private static string[] FindCountries()
    {
        var names = typeof(EmbeddedData).Assembly.GetManifestResourceNames();
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (name.StartsWith(Prefix + "places-", StringComparison.Ordinal) && name.EndsWith(".csv", StringComparison.Ordinal))
            {
                var code = name[(Prefix.Length + "places-".Length)..^".csv".Length];
                if (Array.IndexOf(names, $"{Prefix}outline-{code}.geojson") >= 0)
                {
                    set.Add(code);
                }
            }
        }

        return [.. set];
    }
}
