using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Quanet.Kme.Tests.Support;

namespace Quanet.Kme.Tests.Control;

/// <summary><c>quanet kme network up</c> with a <c>"controller"</c> in the topology, as real processes.</summary>
public sealed class ControllerNetworkUpTests
{
    [Fact]
    public async Task Network_up_starts_the_controller_which_sees_every_link_and_keys_cross_the_ring()
    {
        await using var network = new KmeNetwork(4, ControllerFixture.Ring, controller: true);
        using var up = await KmeProcess.StartAsync(["kme", "network", "up", "--topology", network.TopologyFile, "--certs", network.Pki.Folder], "network up:");
        using var http = ControllerFixture.Client(network, KmeNetwork.OperatorId);
        using var master = network.Client(1);
        using var slave = network.Client(3);

        var deadline = Stopwatch.StartNew();
        var active = 0;
        while (active < 4 && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
            using var response = await http.GetAsync("qkd/v1/links");
            using var links = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            active = response.StatusCode != HttpStatusCode.OK ? 0
                : links.RootElement.GetProperty("qkd_links").GetProperty("qkd_link").EnumerateArray().Count(l => l.GetProperty("qkdl_status").GetString() == "etsi-qkd-node-types:ACTIVE");
        }

        // on a loaded machine a relay may still miss the 2 s budget now and then: ask until one is answered
        var issued = await master.GetKeysAsync("SAE_3", 1, 256);
        while (issued.StatusCode != 200 && deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(200);
            issued = await master.GetKeysAsync("SAE_3", 1, 256);
        }

        Assert.Equal(200, issued.StatusCode);
        var fetched = await slave.GetKeysWithIdsAsync("SAE_1", [issued.Value!.Keys[0].KeyId]);

        Assert.Equal(4, active);
        Assert.Equal(issued.Value.Keys[0].Key, fetched.Value!.Keys[0].Key);
    }

    [Fact]
    public async Task Network_up_names_the_command_that_makes_a_missing_controller_certificate()
    {
        await using var network = new KmeNetwork(2, [(1, 2)], controller: true);
        File.Delete(Path.Combine(network.Pki.Folder, KmeNetwork.ControllerId + ".crt"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => KmeProcess.StartAsync(["kme", "network", "up", "--topology", network.TopologyFile, "--certs", network.Pki.Folder], "network up:"));

        Assert.Contains("quanet kme certs add-kme", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_controller_command_refuses_a_topology_without_a_controller_in_one_line()
    {
        await using var network = new KmeNetwork(2, [(1, 2)]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => KmeProcess.StartAsync(["kme", "controller", "--topology", network.TopologyFile, "--certs", network.Pki.Folder], "listening on"));

        Assert.Contains("error: the topology has no \"controller\" object", error.Message, StringComparison.Ordinal);
    }
}
