using System.Text.Json;
using Quanet.Core;
using Quanet.Core.Geodesy;

namespace Quanet.Operations.Inventory;

/// <summary>
/// Derives the inventory from a Quanet plan directory: <c>plan.geojson</c> Point features with
/// <c>kind: "site"</c> and <c>id</c> become cell sites; <c>backhaul.geojson</c> LineString features
/// with <c>from</c>, <c>to</c> and <c>length_km</c> become links. Link ends that are not plan sites
/// become hubs (the best-connected hub, or one whose id contains <c>core</c>, is the core). Without a
/// backhaul file the backhaul is synthesised (seeded); plan sites the backhaul misses are attached to
/// their nearest connected site.
/// </summary>
public static class PlanInventory
{
    /// <summary>Loads the inventory of the plan in <paramref name="planDirectory"/>.</summary>
    /// <exception cref="InputFormatException">A plan file is malformed.</exception>
    /// <exception cref="QuanetException">The plan has no sites.</exception>
    public static NetworkInventory Load(string planDirectory, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(planDirectory);
        var planPath = Path.Combine(planDirectory, "plan.geojson");
        if (!File.Exists(planPath))
        {
            throw new QuanetException($"{planPath}: plan file not found");
        }

        var cells = ReadSites(planPath);
        if (cells.Count == 0)
        {
            throw new QuanetException($"{planPath}: no Point feature with kind \"site\"");
        }

        var backhaulPath = Path.Combine(planDirectory, "backhaul.geojson");
        if (!File.Exists(backhaulPath))
        {
            var (all, synthLinks) = BackhaulSynthesis.Build(cells, 10, seed);
            return InventoryLayout.Build(all, synthLinks);
        }

        var raw = ReadLinks(backhaulPath);
        var known = new Dictionary<string, NetworkSite>(StringComparer.Ordinal);
        foreach (var s in cells)
        {
            known[s.Id] = s;
        }

        var degree = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, from, to, _) in raw)
        {
            degree[from] = degree.GetValueOrDefault(from) + 1;
            degree[to] = degree.GetValueOrDefault(to) + 1;
        }

        var hubs = new List<string>();
        foreach (var id in degree.Keys)
        {
            if (!known.ContainsKey(id))
            {
                hubs.Add(id);
            }
        }

        hubs.Sort(StringComparer.Ordinal);
        var candidates = hubs.Count > 0 ? hubs : [.. degree.Keys.Order(StringComparer.Ordinal)];
        var core = candidates.Find(h => h.Contains("core", StringComparison.OrdinalIgnoreCase))
            ?? candidates.OrderByDescending(h => degree[h]).ThenBy(h => h, StringComparer.Ordinal).First();
        var sites = new List<NetworkSite>();
        foreach (var s in cells)
        {
            sites.Add(string.Equals(s.Id, core, StringComparison.Ordinal) ? s with { Role = SiteRole.Core } : s);
        }

        foreach (var h in hubs)
        {
            sites.Add(new NetworkSite(h, string.Equals(h, core, StringComparison.Ordinal) ? SiteRole.Core : SiteRole.Aggregation, 0, 0));
        }

        var links = new List<TransportLink>();
        var connected = new HashSet<string>(degree.Keys, StringComparer.Ordinal);
        foreach (var (id, from, to, km) in raw)
        {
            links.Add(new TransportLink(id, from, to, km));
        }

        foreach (var s in cells)
        {
            if (connected.Contains(s.Id))
            {
                continue;
            }

            NetworkSite? nearest = null;
            var best = double.PositiveInfinity;
            foreach (var t in cells)
            {
                if (connected.Contains(t.Id))
                {
                    var d = GreatCircle.DistanceKilometres(s.Latitude, s.Longitude, t.Latitude, t.Longitude);
                    if (d < best)
                    {
                        best = d;
                        nearest = t;
                    }
                }
            }

            var anchor = nearest?.Id ?? core;
            var km = nearest is null ? 1.0 : Math.Round(Math.Max(0.1, BackhaulSynthesis.RouteFactor * best), 2);
            links.Add(new TransportLink($"X-{s.Id}", s.Id, anchor, km));
        }

        try
        {
            return InventoryLayout.Build(sites, links);
        }
        catch (QuanetException ex)
        {
            throw new InputFormatException(backhaulPath, 0, ex.Message);
        }
    }

    private static List<NetworkSite> ReadSites(string path)
    {
        var sites = new List<NetworkSite>();
        foreach (var (feature, i) in Features(path))
        {
            var props = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            if (props.ValueKind != JsonValueKind.Object || !props.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String || kind.GetString() != "site")
            {
                continue;
            }

            if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object
                || !geometry.TryGetProperty("type", out var type) || type.GetString() != "Point"
                || !geometry.TryGetProperty("coordinates", out var coords) || coords.ValueKind != JsonValueKind.Array || coords.GetArrayLength() < 2)
            {
                throw new InputFormatException(path, 0, $"features[{i}]: a site needs a Point geometry with [lon, lat]");
            }

            var id = props.TryGetProperty("id", out var idEl) ? IdText(idEl) : null;
            if (string.IsNullOrEmpty(id))
            {
                throw new InputFormatException(path, 0, $"features[{i}]: a site needs a property 'id'");
            }

            sites.Add(new NetworkSite(id, SiteRole.Cell, coords[1].GetDouble(), coords[0].GetDouble()));
        }

        return sites;
    }

    private static List<(string Id, string From, string To, double Km)> ReadLinks(string path)
    {
        var links = new List<(string, string, string, double)>();
        foreach (var (feature, i) in Features(path))
        {
            if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object
                || !geometry.TryGetProperty("type", out var type) || type.GetString() != "LineString")
            {
                continue;
            }

            var props = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var from = props.ValueKind == JsonValueKind.Object && props.TryGetProperty("from", out var f) ? IdText(f) : null;
            var to = props.ValueKind == JsonValueKind.Object && props.TryGetProperty("to", out var t) ? IdText(t) : null;
            if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to))
            {
                throw new InputFormatException(path, 0, $"features[{i}]: a backhaul link needs properties 'from' and 'to'");
            }

            if (string.Equals(from, to, StringComparison.Ordinal))
            {
                continue;
            }

            var km = props.TryGetProperty("length_km", out var len) && len.ValueKind == JsonValueKind.Number ? len.GetDouble() : 1.0;
            var id = props.TryGetProperty("id", out var idEl) ? IdText(idEl) : null;
            links.Add((string.IsNullOrEmpty(id) ? $"B{i + 1}" : id, from, to, km));
        }

        return links;
    }

    private static string? IdText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };

    private static IEnumerable<(JsonElement Feature, int Index)> Features(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new InputFormatException(path, (int)(ex.LineNumber ?? -1) + 1, "invalid JSON");
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new InputFormatException(path, 0, "expected a GeoJSON FeatureCollection with 'features'");
            }

            var i = 0;
            foreach (var feature in features.EnumerateArray())
            {
                yield return (feature, i++);
            }
        }
    }
}
