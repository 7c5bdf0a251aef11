using System.Text.Json;

namespace Quanet.Kme.Control;

/// <summary>
/// The controller's inventories as read-only JSON shaped after the YANG model of ETSI GS QKD 015 (module
/// <c>etsi-qkd-sdn-node</c>): <c>qkd_node</c> with <c>qkdn_id</c>, <c>qkdn_capabilities</c>, <c>qkd_interfaces</c>,
/// <c>qkd_links</c> and <c>qkd_applications</c>; a link with <c>qkdl_id</c>, <c>qkdl_local</c>/<c>qkdl_remote</c>,
/// <c>qkdl_status</c> and <c>qkdl_performance</c>. Values Quanet adds beyond the model carry the prefix <c>quanet:</c>.
/// Identity values use the <c>etsi-qkd-node-types:</c> prefix; link IDs are Quanet's link names <c>A|B</c>, not UUIDs.
/// </summary>
internal static class YangDocuments
{
    private const string Types = "etsi-qkd-node-types:";

    /// <summary><c>{"qkd_nodes": {"qkd_node": [...]}}</c>: every KME.</summary>
    public static void Nodes(Utf8JsonWriter json, NetworkState state)
    {
        var links = state.Links();
        json.WriteStartObject();
        json.WriteStartObject("qkd_nodes");
        json.WriteStartArray("qkd_node");
        foreach (var kme in state.Topology.Kmes)
        {
            Node(json, state, kme.Id, links);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary><c>{"qkd_node": {...}}</c> for KME <paramref name="id"/>.</summary>
    public static void Node(Utf8JsonWriter json, NetworkState state, string id)
    {
        json.WriteStartObject();
        json.WritePropertyName("qkd_node");
        Node(json, state, id, state.Links());
        json.WriteEndObject();
    }

    /// <summary><c>{"qkd_links": {"qkd_link": [...]}}</c>: every link, seen from its end A.</summary>
    public static void Links(Utf8JsonWriter json, IEnumerable<LinkView> links)
    {
        json.WriteStartObject();
        json.WriteStartObject("qkd_links");
        json.WriteStartArray("qkd_link");
        foreach (var link in links)
        {
            Link(json, link, link.A);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary><c>{"qkd_link": {...}}</c> for one link.</summary>
    public static void Link(Utf8JsonWriter json, LinkView link)
    {
        json.WriteStartObject();
        json.WritePropertyName("qkd_link");
        Link(json, link, link.A);
        json.WriteEndObject();
    }

    /// <summary><c>{"qkd_applications": {"qkd_app": [...]}}</c>: one application per SAE (it may get keys shared with every other SAE).</summary>
    public static void Applications(Utf8JsonWriter json, NetworkState state)
    {
        json.WriteStartObject();
        json.WriteStartObject("qkd_applications");
        Apps(json, state, null);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Node(Utf8JsonWriter json, NetworkState state, string id, List<LinkView> links)
    {
        var own = links.Where(l => l.A == id || l.B == id).ToList();
        json.WriteStartObject();
        json.WriteString("qkdn_id", id);
        json.WriteString("qkdn_status", Types + (state.IsReporting(id) ? "UP" : "DOWN"));
        json.WriteString("qkdn_version", "quanet");
        json.WriteStartObject("qkdn_capabilities");
        json.WriteBoolean("link_stats_support", true);
        json.WriteBoolean("application_stats_support", false);
        json.WriteBoolean("key_relay_mode_enable", true);
        json.WriteEndObject();
        json.WriteStartObject("qkd_applications");
        Apps(json, state, id);
        json.WriteEndObject();
        json.WriteStartObject("qkd_interfaces");
        json.WriteStartArray("qkd_interface");
        for (var i = 0; i < own.Count; i++)
        {
            json.WriteStartObject();
            json.WriteNumber("qkdi_id", i + 1);
            json.WriteString("qkdi_type", Types + "DV-QKD");
            json.WriteString("qkdi_status", Types + (own[i].Up ? "UP" : "DOWN"));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("qkd_links");
        json.WriteStartArray("qkd_link");
        foreach (var link in own)
        {
            Link(json, link, id);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Link(Utf8JsonWriter json, LinkView link, string local)
    {
        var remote = local == link.A ? link.B : link.A;
        json.WriteStartObject();
        json.WriteString("qkdl_id", link.Name);
        json.WriteBoolean("qkdl_enable", true);
        json.WriteString("qkdl_status", Types + (link.Up ? "ACTIVE" : "OFF"));
        json.WriteString("qkdl_type", Types + "PHYS");
        json.WriteStartObject("qkdl_local");
        json.WriteString("qkdn_id", local);
        json.WriteEndObject();
        json.WriteStartObject("qkdl_remote");
        json.WriteString("qkdn_id", remote);
        json.WriteEndObject();
        json.WriteStartObject("qkdl_performance");
        if (link.RateBitsPerSecond is { } rate)
        {
            json.WriteNumber("skr", (long)rate);
        }

        if (link.Qber is { } qber)
        {
            json.WriteNumber("qber", qber);
        }

        json.WriteEndObject();
        json.WriteNumber("quanet:pool_blocks", link.PoolBlocks);
        json.WriteNumber("quanet:usable_blocks_local", local == link.A ? link.UsableBlocksA : link.UsableBlocksB);
        json.WriteNumber("quanet:usable_blocks_remote", local == link.A ? link.UsableBlocksB : link.UsableBlocksA);
        json.WriteNumber("quanet:failures", link.Failures);
        json.WriteEndObject();
    }

    private static void Apps(Utf8JsonWriter json, NetworkState state, string? kmeId)
    {
        json.WriteStartArray("qkd_app");
        var saes = state.Topology.Kmes.SelectMany(k => k.Saes.Select(s => (Sae: s, Kme: k.Id))).ToList();
        foreach (var (sae, kme) in saes.Where(s => kmeId is null || s.Kme == kmeId))
        {
            json.WriteStartObject();
            json.WriteString("app_id", sae);
            json.WriteString("app_type", Types + "CLIENT");
            json.WriteString("app_status", Types + (state.IsReporting(kme) ? "ON" : "OFF"));
            json.WriteString("server_app_id", sae);
            json.WriteStartArray("client_app_id");
            foreach (var other in saes.Where(s => s.Sae != sae))
            {
                json.WriteStringValue(other.Sae);
            }

            json.WriteEndArray();
            json.WriteString("local_qkdn_id", kme);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
