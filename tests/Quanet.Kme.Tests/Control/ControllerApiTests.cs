using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Quanet.Kme.Tests.Support;

namespace Quanet.Kme.Tests.Control;

/// <summary>The controller's REST API on a running ring with real mutual TLS: ETSI GS QKD 015-shaped inventories, paths, metrics, and who may read.</summary>
public sealed partial class ControllerApiTests
{
    private static readonly string[] Reads = ["qkd/v1/nodes", "qkd/v1/nodes/KME_1", "qkd/v1/links", "qkd/v1/links/KME_1%7CKME_2", "qkd/v1/applications", "qkd/v1/paths?from=KME_1&to=KME_3", "metrics"];

    [Fact]
    public async Task Nodes_links_and_applications_have_the_shape_of_the_ETSI_GS_QKD_015_model()
    {
        await using var network = await ControllerFixture.StartRingAsync();
        using var http = ControllerFixture.Client(network, "KME_1");

        using var nodes = await GetJsonAsync(http, "qkd/v1/nodes");
        using var node = await GetJsonAsync(http, "qkd/v1/nodes/KME_1");
        using var link = await GetJsonAsync(http, "qkd/v1/links/KME_1%7CKME_2");
        using var links = await GetJsonAsync(http, "qkd/v1/links");
        using var apps = await GetJsonAsync(http, "qkd/v1/applications");
        using var missing = await http.GetAsync("qkd/v1/nodes/KME_9");

        var all = nodes.RootElement.GetProperty("qkd_nodes").GetProperty("qkd_node");
        Assert.Equal(["KME_1", "KME_2", "KME_3", "KME_4"], all.EnumerateArray().Select(n => n.GetProperty("qkdn_id").GetString()));
        var one = node.RootElement.GetProperty("qkd_node");
        Assert.True(one.GetProperty("qkdn_capabilities").GetProperty("key_relay_mode_enable").GetBoolean());
        Assert.Equal(2, one.GetProperty("qkd_interfaces").GetProperty("qkd_interface").GetArrayLength());
        Assert.Equal(["KME_1|KME_2", "KME_1|KME_4"], one.GetProperty("qkd_links").GetProperty("qkd_link").EnumerateArray().Select(l => l.GetProperty("qkdl_id").GetString()));
        Assert.Equal(["SAE_1"], one.GetProperty("qkd_applications").GetProperty("qkd_app").EnumerateArray().Select(a => a.GetProperty("app_id").GetString()));
        var qkdl = link.RootElement.GetProperty("qkd_link");
        Assert.Equal("KME_1", qkdl.GetProperty("qkdl_local").GetProperty("qkdn_id").GetString());
        Assert.Equal("KME_2", qkdl.GetProperty("qkdl_remote").GetProperty("qkdn_id").GetString());
        Assert.Equal("etsi-qkd-node-types:ACTIVE", qkdl.GetProperty("qkdl_status").GetString());
        Assert.Equal(20_000_000, qkdl.GetProperty("qkdl_performance").GetProperty("skr").GetInt64());
        Assert.True(qkdl.GetProperty("quanet:pool_blocks").GetInt64() > 0);
        Assert.Equal(4, links.RootElement.GetProperty("qkd_links").GetProperty("qkd_link").GetArrayLength());
        var app = apps.RootElement.GetProperty("qkd_applications").GetProperty("qkd_app")[0];
        Assert.Equal("SAE_1", app.GetProperty("app_id").GetString());
        Assert.Equal("KME_1", app.GetProperty("local_qkdn_id").GetString());
        Assert.Equal(["SAE_2", "SAE_3", "SAE_4"], app.GetProperty("client_app_id").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Only_KMEs_and_operators_of_the_network_may_read_and_only_KMEs_may_report()
    {
        await using var network = await ControllerFixture.StartRingAsync();
        using var anonymous = ControllerFixture.Client(network, null);
        using var foreign = ControllerFixture.Client(network, "SAE_A", foreign: true);
        using var sae = ControllerFixture.Client(network, "SAE_1");
        using var operatorClient = ControllerFixture.Client(network, KmeNetwork.OperatorId);
        using var kme = ControllerFixture.Client(network, "KME_2");

        foreach (var path in Reads)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await foreign.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await sae.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await kme.GetAsync(path)).StatusCode);
        }

        using var report = new StringContent("{\"links\": []}", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsync("qkd/v1/links/KME_1%7CKME_2/failures", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsync("qkd/v1/reports", report)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("qkd/v1/links/KME_1%7CKME_2/failures", null)).StatusCode);
        Assert.True(network.Controller!.State.Links().All(l => l.Up), "a refused caller must not change the state");
    }

    [Fact]
    public async Task Metrics_are_Prometheus_text_with_one_sample_per_link_and_family()
    {
        await using var network = await ControllerFixture.StartRingAsync();
        using var http = ControllerFixture.Client(network, KmeNetwork.OperatorId);

        using var response = await http.GetAsync("metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.StartsWith("text/plain; version=0.0.4", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new List<(string Name, string Link, string? Kme, double Value)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (TypeLine().Match(line) is { Success: true } type)
            {
                typed[type.Groups[1].Value] = type.Groups[2].Value;
                continue;
            }

            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                continue;
            }

            var sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"not a Prometheus sample line: {line}");
            Assert.True(typed.ContainsKey(sample.Groups[1].Value), $"sample before its # TYPE: {line}");
            samples.Add((sample.Groups[1].Value, sample.Groups[2].Value, sample.Groups[4].Success ? sample.Groups[4].Value : null, double.Parse(sample.Groups[5].Value, CultureInfo.InvariantCulture)));
        }

        string[] links = ["KME_1|KME_2", "KME_1|KME_4", "KME_2|KME_3", "KME_3|KME_4"];
        foreach (var name in new[] { "quanet_qkd_link_up", "quanet_qkd_link_key_rate_bits_per_second", "quanet_qkd_link_pool_keys", "quanet_qkd_link_failures_total" })
        {
            Assert.Equal(links, samples.Where(s => s.Name == name).Select(s => s.Link));
        }

        Assert.Equal("counter", typed["quanet_qkd_link_failures_total"]);
        Assert.All(samples.Where(s => s.Name == "quanet_qkd_link_up"), s => Assert.Equal(1, s.Value));
        Assert.All(samples.Where(s => s.Name == "quanet_qkd_link_key_rate_bits_per_second"), s => Assert.Equal(20_000_000, s.Value));
        Assert.Equal(8, samples.Count(s => s.Name == "quanet_qkd_link_usable_keys" && s.Kme is not null && s.Link.Contains(s.Kme, StringComparison.Ordinal)));
        Assert.DoesNotContain(samples, s => s.Name == "quanet_qkd_link_qber"); // the rate is given, not modelled from a fibre length: no QBER
    }

    [Fact]
    public async Task A_reported_failure_takes_the_link_out_of_the_paths_at_once()
    {
        await using var network = await ControllerFixture.StartRingAsync();
        using var kme = ControllerFixture.Client(network, "KME_1");

        using var before = await GetJsonAsync(kme, "qkd/v1/paths?from=KME_1&to=KME_3&k=3");
        using var failed = await kme.PostAsync("qkd/v1/links/KME_1%7CKME_2/failures", null);
        using var after = await GetJsonAsync(kme, "qkd/v1/paths?from=KME_1&to=KME_3&k=3");
        using var link = await GetJsonAsync(kme, "qkd/v1/links/KME_1%7CKME_2");
        using var badK = await kme.GetAsync("qkd/v1/paths?from=KME_1&to=KME_3&k=0");

        Assert.Equal(2, before.RootElement.GetProperty("paths").GetArrayLength()); // the ring has two simple paths
        Assert.Equal(HttpStatusCode.NoContent, failed.StatusCode);
        var paths = after.RootElement.GetProperty("paths");
        Assert.Equal(1, paths.GetArrayLength());
        Assert.Equal(["KME_1", "KME_4", "KME_3"], paths[0].GetProperty("nodes").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("etsi-qkd-node-types:OFF", link.RootElement.GetProperty("qkd_link").GetProperty("qkdl_status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badK.StatusCode);
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (gauge|counter)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)\{link=""([^""\\]+)""(,kme=""([^""\\]+)"")?\} (\S+)$")]
    private static partial Regex SampleLine();
}
