using System.Net;
using System.Text.Json;
using Quanet.Core;

namespace Quanet.Defence.Model;

/// <summary>
/// Reads a <see cref="DefenceInventory"/> from JSON: <c>own_asn</c>, <c>own_prefixes</c> [{prefix, origins, max_length}],
/// <c>home_imsi_prefixes</c>, <c>management_networks</c>, <c>infrastructure_networks</c>,
/// <c>interconnects</c> [{id, partner, kind, link, peer_networks, peer_asn, partner_prefixes, partner_imsi_prefixes,
/// partner_gt_prefixes, country}], <c>links</c> [{id, a, b, capacity_mbps}], <c>demands</c> [{from, to, mbps}].
/// </summary>
public static class DefenceInventoryJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads an inventory file.</summary>
    /// <exception cref="InputFormatException">The file is malformed; the message names the field.</exception>
    public static DefenceInventory Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new QuanetException($"{path}: inventory file not found");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses an inventory from JSON text.</summary>
    public static DefenceInventory Parse(string json, string fileName)
    {
        Dto dto;
        try
        {
            dto = JsonSerializer.Deserialize<Dto>(json, Options) ?? throw new InputFormatException(fileName, 0, "empty inventory");
        }
        catch (JsonException ex)
        {
            throw new InputFormatException(fileName, (int)(ex.LineNumber ?? -1) + 1, $"invalid inventory JSON: {ex.Message}");
        }

        IPNetwork Net(string? text, string where) =>
            text is not null && IPNetwork.TryParse(text, out var n) ? n : throw new InputFormatException(fileName, 0, $"{where}: '{text}' is not a network prefix");
        List<IPNetwork> Nets(List<string>? list, string where) => [.. (list ?? []).Select((t, i) => Net(t, $"{where}[{i}]"))];

        var interconnects = new List<Interconnect>();
        foreach (var (ic, i) in (dto.Interconnects ?? []).Select((x, i) => (x, i)))
        {
            var where = $"interconnects[{i}]";
            interconnects.Add(new Interconnect
            {
                Id = ic.Id ?? throw new InputFormatException(fileName, 0, $"{where}: missing id"),
                Partner = ic.Partner ?? ic.Id,
                Kind = Enum.TryParse<InterconnectKind>(ic.Kind?.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var kind)
                    ? kind
                    : throw new InputFormatException(fileName, 0, $"{where}: kind must be ip-peering, ip-transit, ss7, diameter or gtp"),
                LinkId = ic.Link ?? throw new InputFormatException(fileName, 0, $"{where}: missing link"),
                PeerNetworks = Nets(ic.PeerNetworks, $"{where}.peer_networks"),
                PeerAsn = ic.PeerAsn,
                PartnerPrefixes = Nets(ic.PartnerPrefixes, $"{where}.partner_prefixes"),
                PartnerImsiPrefixes = ic.PartnerImsiPrefixes ?? [],
                PartnerGlobalTitlePrefixes = ic.PartnerGtPrefixes ?? [],
                Country = ic.Country,
            });
        }

        return new DefenceInventory
        {
            OwnAsn = dto.OwnAsn ?? throw new InputFormatException(fileName, 0, "missing own_asn"),
            OwnPrefixes = [.. (dto.OwnPrefixes ?? []).Select((p, i) => new OwnPrefix(
                Net(p.Prefix, $"own_prefixes[{i}].prefix"),
                p.Origins ?? [dto.OwnAsn.Value],
                p.MaxLength ?? Net(p.Prefix, $"own_prefixes[{i}].prefix").PrefixLength))],
            HomeImsiPrefixes = dto.HomeImsiPrefixes ?? [],
            ManagementNetworks = Nets(dto.ManagementNetworks, "management_networks"),
            InfrastructureNetworks = Nets(dto.InfrastructureNetworks, "infrastructure_networks"),
            Interconnects = interconnects,
            Links = [.. (dto.Links ?? []).Select((l, i) => new TopologyLink(
                l.Id ?? throw new InputFormatException(fileName, 0, $"links[{i}]: missing id"),
                l.A ?? throw new InputFormatException(fileName, 0, $"links[{i}]: missing a"),
                l.B ?? throw new InputFormatException(fileName, 0, $"links[{i}]: missing b"),
                l.CapacityMbps is > 0 ? l.CapacityMbps.Value : throw new InputFormatException(fileName, 0, $"links[{i}]: capacity_mbps must be positive")))],
            Demands = [.. (dto.Demands ?? []).Select((d, i) => new TrafficDemand(
                d.From ?? throw new InputFormatException(fileName, 0, $"demands[{i}]: missing from"),
                d.To ?? throw new InputFormatException(fileName, 0, $"demands[{i}]: missing to"),
                d.Mbps is >= 0 ? d.Mbps.Value : throw new InputFormatException(fileName, 0, $"demands[{i}]: mbps must be non-negative")))],
        };
    }

    /// <summary>Writes an inventory as JSON in the form <see cref="Parse"/> reads.</summary>
    public static string Format(DefenceInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var dto = new Dto
        {
            OwnAsn = inventory.OwnAsn,
            OwnPrefixes = [.. inventory.OwnPrefixes.Select(p => new PrefixDto { Prefix = p.Network.ToString(), Origins = [.. p.AllowedOrigins], MaxLength = p.MaxLength })],
            HomeImsiPrefixes = [.. inventory.HomeImsiPrefixes],
            ManagementNetworks = [.. inventory.ManagementNetworks.Select(n => n.ToString())],
            InfrastructureNetworks = [.. inventory.InfrastructureNetworks.Select(n => n.ToString())],
            Interconnects = [.. inventory.Interconnects.Select(ic => new InterconnectDto
            {
                Id = ic.Id,
                Partner = ic.Partner,
                Kind = ic.Kind.ToString(),
                Link = ic.LinkId,
                PeerNetworks = [.. ic.PeerNetworks.Select(n => n.ToString())],
                PeerAsn = ic.PeerAsn,
                PartnerPrefixes = [.. ic.PartnerPrefixes.Select(n => n.ToString())],
                PartnerImsiPrefixes = [.. ic.PartnerImsiPrefixes],
                PartnerGtPrefixes = [.. ic.PartnerGlobalTitlePrefixes],
                Country = ic.Country,
            })],
            Links = [.. inventory.Links.Select(l => new LinkDto { Id = l.Id, A = l.A, B = l.B, CapacityMbps = l.CapacityMbps })],
            Demands = [.. inventory.Demands.Select(d => new DemandDto { From = d.From, To = d.To, Mbps = d.Mbps })],
        };
        return JsonSerializer.Serialize(dto, new JsonSerializerOptions(Options) { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
    }

    private sealed class Dto
    {
        public long? OwnAsn { get; set; }

        public List<PrefixDto>? OwnPrefixes { get; set; }

        public List<string>? HomeImsiPrefixes { get; set; }

        public List<string>? ManagementNetworks { get; set; }

        public List<string>? InfrastructureNetworks { get; set; }

        public List<InterconnectDto>? Interconnects { get; set; }

        public List<LinkDto>? Links { get; set; }

        public List<DemandDto>? Demands { get; set; }
    }

    private sealed class PrefixDto
    {
        public string? Prefix { get; set; }

        public List<long>? Origins { get; set; }

        public int? MaxLength { get; set; }
    }

    private sealed class InterconnectDto
    {
        public string? Id { get; set; }

        public string? Partner { get; set; }

        public string? Kind { get; set; }

        public string? Link { get; set; }

        public List<string>? PeerNetworks { get; set; }

        public long? PeerAsn { get; set; }

        public List<string>? PartnerPrefixes { get; set; }

        public List<string>? PartnerImsiPrefixes { get; set; }

        public List<string>? PartnerGtPrefixes { get; set; }

        public string? Country { get; set; }
    }

    private sealed class LinkDto
    {
        public string? Id { get; set; }

        public string? A { get; set; }

        public string? B { get; set; }

        public double? CapacityMbps { get; set; }
    }

    private sealed class DemandDto
    {
        public string? From { get; set; }

        public string? To { get; set; }

        public double? Mbps { get; set; }
    }
}
