using System.Text.Json;
using System.Text.Json.Nodes;
using Quanet.Core;

namespace Quanet.Operations.Inventory;

/// <summary>
/// Reads and writes the inventory JSON document:
/// <c>{"sites":[{"id","role","lat","lon"}],"links":[{"id","from","to","length_km"}],"elements":[{"id","kind","site","served_by"}]}</c>.
/// When <c>elements</c> is absent the standard layout of <see cref="InventoryLayout"/> is used.
/// Roles: <c>cell</c>, <c>aggregation</c>, <c>core</c>; kinds: <c>site_router</c>, <c>radio_unit</c>,
/// <c>distributed_unit</c>, <c>central_unit</c>, <c>aggregation_router</c>, <c>core_router</c>.
/// </summary>
public static class InventoryJson
{
    /// <summary>Loads an inventory file.</summary>
    /// <exception cref="InputFormatException">The file is not a valid inventory document.</exception>
    public static NetworkInventory Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses an inventory document; <paramref name="fileName"/> names it in errors.</summary>
    /// <exception cref="InputFormatException">The text is not a valid inventory document.</exception>
    public static NetworkInventory Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            // duplicate properties are refused while parsing: JsonObject would otherwise throw ArgumentException at
            // the first lookup (found by bench/fuzz inventory)
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = FormatLimits.Default.MaxJsonDepth });
        }
        catch (JsonException ex)
        {
            throw new InputFormatException(fileName, (int)(ex.LineNumber ?? -1) + 1, $"invalid JSON: {ex.Message.Split('.')[0]}");
        }

        if (root is not JsonObject obj)
        {
            throw new InputFormatException(fileName, 0, "expected a JSON object with 'sites' and 'links'");
        }

        var sites = new List<NetworkSite>();
        foreach (var (node, i) in Items(obj, "sites", fileName, required: true))
        {
            sites.Add(new NetworkSite(
                Text(node, "id", $"sites[{i}]", fileName),
                ParseRole(Text(node, "role", $"sites[{i}]", fileName), $"sites[{i}].role", fileName),
                Number(node, "lat", 0),
                Number(node, "lon", 0)));
        }

        var links = new List<TransportLink>();
        foreach (var (node, i) in Items(obj, "links", fileName, required: false))
        {
            links.Add(new TransportLink(
                Text(node, "id", $"links[{i}]", fileName),
                Text(node, "from", $"links[{i}]", fileName),
                Text(node, "to", $"links[{i}]", fileName),
                Number(node, "length_km", 1)));
        }

        try
        {
            if (obj["elements"] is null)
            {
                return InventoryLayout.Build(sites, links);
            }

            var elements = new List<NetworkElement>();
            foreach (var (node, i) in Items(obj, "elements", fileName, required: true))
            {
                elements.Add(new NetworkElement(
                    Text(node, "id", $"elements[{i}]", fileName),
                    ParseKind(Text(node, "kind", $"elements[{i}]", fileName), $"elements[{i}].kind", fileName),
                    Text(node, "site", $"elements[{i}]", fileName),
                    node["served_by"]?.GetValue<string>()));
            }

            return new NetworkInventory(sites, elements, links);
        }
        catch (QuanetException ex) when (ex is not InputFormatException)
        {
            throw new InputFormatException(fileName, 0, ex.Message);
        }
    }

    /// <summary>Serialises <paramref name="inventory"/> (elements included).</summary>
    public static string Write(NetworkInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var sites = new JsonArray();
        foreach (var s in inventory.Sites)
        {
            sites.Add(new JsonObject { ["id"] = s.Id, ["role"] = RoleName(s.Role), ["lat"] = s.Latitude, ["lon"] = s.Longitude });
        }

        var links = new JsonArray();
        foreach (var l in inventory.Links)
        {
            links.Add(new JsonObject { ["id"] = l.Id, ["from"] = l.From, ["to"] = l.To, ["length_km"] = l.LengthKm });
        }

        var elements = new JsonArray();
        foreach (var e in inventory.Elements)
        {
            elements.Add(new JsonObject { ["id"] = e.Id, ["kind"] = KindName(e.Kind), ["site"] = e.SiteId, ["served_by"] = e.ServedBy });
        }

        var root = new JsonObject { ["sites"] = sites, ["links"] = links, ["elements"] = elements };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The JSON name of a site role.</summary>
    public static string RoleName(SiteRole role) => role switch
    {
        SiteRole.Cell => "cell",
        SiteRole.Aggregation => "aggregation",
        _ => "core",
    };

    /// <summary>The JSON name of an element kind.</summary>
    public static string KindName(ElementKind kind) => kind switch
    {
        ElementKind.SiteRouter => "site_router",
        ElementKind.RadioUnit => "radio_unit",
        ElementKind.DistributedUnit => "distributed_unit",
        ElementKind.CentralUnit => "central_unit",
        ElementKind.AggregationRouter => "aggregation_router",
        _ => "core_router",
    };

    private static SiteRole ParseRole(string text, string where, string fileName) => text switch
    {
        "cell" => SiteRole.Cell,
        "aggregation" => SiteRole.Aggregation,
        "core" => SiteRole.Core,
        _ => throw new InputFormatException(fileName, 0, $"{where}: unknown role '{text}' (expected cell, aggregation or core)"),
    };

    private static ElementKind ParseKind(string text, string where, string fileName)
    {
        foreach (var kind in Enum.GetValues<ElementKind>())
        {
            if (string.Equals(KindName(kind), text, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        throw new InputFormatException(fileName, 0, $"{where}: unknown element kind '{text}'");
    }

    private static IEnumerable<(JsonObject Node, int Index)> Items(JsonObject obj, string name, string fileName, bool required)
    {
        var node = obj[name];
        if (node is null)
        {
            if (required)
            {
                throw new InputFormatException(fileName, 0, $"missing array '{name}'");
            }

            yield break;
        }

        if (node is not JsonArray array)
        {
            throw new InputFormatException(fileName, 0, $"'{name}' must be an array");
        }

        for (var i = 0; i < array.Count; i++)
        {
            yield return array[i] is JsonObject item
                ? (item, i)
                : throw new InputFormatException(fileName, 0, $"{name}[{i}] must be an object");
        }
    }

    private static string Text(JsonObject node, string field, string where, string fileName)
    {
        var value = node[field];
        if (value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0)
        {
            return s;
        }

        throw new InputFormatException(fileName, 0, $"{where}.{field}: expected a non-empty string");
    }

    private static double Number(JsonObject node, string field, double fallback)
    {
        var value = node[field];
        return value is JsonValue v && v.TryGetValue<double>(out var d) ? d : fallback;
    }
}
