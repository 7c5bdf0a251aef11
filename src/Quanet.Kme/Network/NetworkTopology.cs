using System.Globalization;
using System.Text.Json;
using Quanet.Core;
using Quanet.Kme.Configuration;

namespace Quanet.Kme.Network;

/// <summary>
/// A network of KMEs: <c>{"kmes": [{"id": "KME_1", "listen": "127.0.0.1:PORT", "saes": ["SAE_1"]}, ...],
/// "links": [["KME_1", "KME_2"], ...]}</c>, optionally <c>"rate_bits_per_second"</c> (every link's simulated
/// secret key rate), <c>"relay_pool_keys"</c> (every KME's <see cref="KmeOptions.RelayPoolKeys"/>) and
/// <c>"controller": {"listen": "127.0.0.1:PORT", "id": "CONTROLLER", "operators": ["OPS"]}</c> (the SDN controller;
/// <c>id</c> defaults to <c>CONTROLLER</c>). The one reader of the format; each KME's settings are derived from it.
/// </summary>
public sealed class NetworkTopology
{
    private NetworkTopology(IReadOnlyList<TopologyKme> kmes, IReadOnlyList<(string A, string B)> links, double? rate, int relayPoolKeys, TopologyController? controller)
    {
        Kmes = kmes;
        Links = links;
        RateBitsPerSecond = rate;
        Controller = controller;
        RelayPoolKeys = relayPoolKeys;
    }

    /// <summary>The SDN controller, or null when the topology names none (each KME then routes on its own).</summary>
    public TopologyController? Controller { get; }

    /// <summary>The KMEs, in file order.</summary>
    public IReadOnlyList<TopologyKme> Kmes { get; }

    /// <summary>The QKD links, each a pair of KME IDs.</summary>
    public IReadOnlyList<(string A, string B)> Links { get; }

    /// <summary>Secret key rate of every link in bits/s, or null for the KME default.</summary>
    public double? RateBitsPerSecond { get; }

    /// <summary>Keys every KME keeps relayed ahead per (master, slave) pair; 0 (the default) relays on request only.</summary>
    public int RelayPoolKeys { get; }

    /// <summary>Reads and checks a topology file.</summary>
    /// <exception cref="InputFormatException">Malformed JSON, a missing field, an unknown or repeated KME, a bad listen address.</exception>
    public static NetworkTopology Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return Read(document.RootElement, path);
        }
        catch (JsonException ex)
        {
            throw new InputFormatException(path, (int)(ex.LineNumber ?? 0) + 1, ex.Message);
        }
    }

    /// <summary>The settings of KME <paramref name="kmeId"/>, with certificates, store and store key in <paramref name="certificateFolder"/> (as <c>quanet kme certs</c> wrote it).</summary>
    /// <exception cref="QuanetException"><paramref name="kmeId"/> is not in the topology.</exception>
    public KmeOptions OptionsFor(string kmeId, string certificateFolder)
    {
        var self = Kmes.FirstOrDefault(k => k.Id == kmeId) ?? throw new QuanetException($"KME '{kmeId}' is not in the topology (it has {string.Join(", ", Kmes.Select(k => k.Id))})");
        var options = KmeDefaults.Local(kmeId, certificateFolder, self.Saes, self.Listen);
        foreach (var kme in Kmes.Where(k => k.Id != kmeId))
        {
            foreach (var sae in kme.Saes)
            {
                options.Saes.Add(new SaeEntry { Id = sae, Kme = kme.Id });
            }
        }

        foreach (var (a, b) in Links)
        {
            options.NetworkLinks.Add([a, b]);
            if (a == kmeId || b == kmeId)
            {
                var neighbour = Kmes.First(k => k.Id == (a == kmeId ? b : a));
                options.Links.Add(new LinkOptions { PeerKmeId = neighbour.Id, PeerUrl = "https://" + Reachable(neighbour.Listen) });
            }
        }

        if (RateBitsPerSecond is { } rate)
        {
            options.Supply.RateBitsPerSecond = rate;
        }

        if (Controller is { } controller)
        {
            options.ControllerId = controller.Id;
            options.ControllerUrl = "https://" + Reachable(controller.Listen);
        }

        options.RelayPoolKeys = RelayPoolKeys;
        return options;
    }

    private static NetworkTopology Read(JsonElement root, string path)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("kmes", out var kmesElement) || kmesElement.ValueKind != JsonValueKind.Array
            || !root.TryGetProperty("links", out var linksElement) || linksElement.ValueKind != JsonValueKind.Array)
        {
            throw new InputFormatException(path, 0, "expected an object with arrays \"kmes\" and \"links\"");
        }

        var kmes = new List<TopologyKme>();
        var saes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in kmesElement.EnumerateArray())
        {
            var id = Text(element, "id", path);
            var listen = Text(element, "listen", path);
            if (!ListenAddress.TryParse(listen, out _))
            {
                throw new InputFormatException(path, 0, $"KME '{id}': listen '{listen}' is not HOST:PORT");
            }

            if (kmes.Any(k => k.Id == id))
            {
                throw new InputFormatException(path, 0, $"KME '{id}' is listed twice");
            }

            var attached = new List<string>();
            if (element.TryGetProperty("saes", out var saeElement))
            {
                foreach (var sae in saeElement.ValueKind == JsonValueKind.Array ? saeElement.EnumerateArray() : throw new InputFormatException(path, 0, $"KME '{id}': \"saes\" must be an array of SAE IDs"))
                {
                    var name = sae.ValueKind == JsonValueKind.String ? sae.GetString()! : "";
                    if (name.Length == 0 || !saes.Add(name))
                    {
                        throw new InputFormatException(path, 0, $"KME '{id}': SAE '{name}' is empty, not a string, or attached to two KMEs");
                    }

                    attached.Add(name);
                }
            }

            kmes.Add(new TopologyKme(id, listen, attached));
        }

        if (kmes.Count == 0)
        {
            throw new InputFormatException(path, 0, "\"kmes\" lists no KME");
        }

        var links = new List<(string, string)>();
        foreach (var element in linksElement.EnumerateArray())
        {
            var pair = element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : "").ToArray() : [];
            if (pair is not [var a, var b] || a == b || !kmes.Any(k => k.Id == a) || !kmes.Any(k => k.Id == b))
            {
                throw new InputFormatException(path, 0, $"link {element.GetRawText()} is not a pair of two different KMEs of \"kmes\"");
            }

            if (links.Any(l => (l.Item1 == a && l.Item2 == b) || (l.Item1 == b && l.Item2 == a)))
            {
                throw new InputFormatException(path, 0, $"link {a}-{b} is listed twice");
            }

            links.Add((a, b));
        }

        double? rate = null;
        if (root.TryGetProperty("rate_bits_per_second", out var rateElement))
        {
            rate = rateElement.ValueKind == JsonValueKind.Number && rateElement.GetDouble() > 0
                ? rateElement.GetDouble()
                : throw new InputFormatException(path, 0, "\"rate_bits_per_second\" must be a positive number");
        }

        var relayPoolKeys = 0;
        if (root.TryGetProperty("relay_pool_keys", out var poolElement))
        {
            relayPoolKeys = poolElement.ValueKind == JsonValueKind.Number && poolElement.TryGetInt32(out var keys) && keys >= 0
                ? keys
                : throw new InputFormatException(path, 0, "\"relay_pool_keys\" must be a non-negative integer");
        }

        return new NetworkTopology(kmes, links, rate, relayPoolKeys, root.TryGetProperty("controller", out var controller) ? ReadController(controller, kmes, path) : null);
    }

    private static TopologyController ReadController(JsonElement element, List<TopologyKme> kmes, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InputFormatException(path, 0, "\"controller\" must be an object with a \"listen\" address");
        }

        var listen = element.TryGetProperty("listen", out var listenElement) && listenElement.ValueKind == JsonValueKind.String ? listenElement.GetString()! : "";
        if (!ListenAddress.TryParse(listen, out _))
        {
            throw new InputFormatException(path, 0, $"controller: listen '{listen}' is not HOST:PORT");
        }

        var id = "CONTROLLER";
        if (element.TryGetProperty("id", out var idElement))
        {
            id = idElement.ValueKind == JsonValueKind.String && idElement.GetString() is { Length: > 0 } text ? text : throw new InputFormatException(path, 0, "controller: \"id\" must be a non-empty string");
        }

        if (kmes.Any(k => k.Id == id || k.Saes.Contains(id)))
        {
            throw new InputFormatException(path, 0, $"controller: id '{id}' is already a KME or SAE of the topology");
        }

        var operators = new List<string>();
        if (element.TryGetProperty("operators", out var operatorsElement))
        {
            foreach (var entry in operatorsElement.ValueKind == JsonValueKind.Array ? operatorsElement.EnumerateArray() : throw new InputFormatException(path, 0, "controller: \"operators\" must be an array of certificate names"))
            {
                operators.Add(entry.ValueKind == JsonValueKind.String && entry.GetString() is { Length: > 0 } name ? name : throw new InputFormatException(path, 0, "controller: every operator must be a non-empty string"));
            }
        }

        return new TopologyController(id, listen, operators);
    }

    private static string Text(JsonElement element, string name, string path) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InputFormatException(path, 0, $"every entry of \"kmes\" needs a non-empty string \"{name}\"");

    /// <summary>The address neighbours dial: a wildcard listen address is reached on loopback.</summary>
    private static string Reachable(string listen)
    {
        var colon = listen.LastIndexOf(':');
        var host = listen[..colon];
        return (host is "0.0.0.0" or "[::]" ? "127.0.0.1" : host) + listen[colon..];
    }

    /// <summary>The topology as one line, for logs.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kmes.Count} KMEs, {Links.Count} links");
}
