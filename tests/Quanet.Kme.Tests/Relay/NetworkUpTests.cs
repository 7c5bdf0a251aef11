using System.Diagnostics;
using Quanet.Kme.Tests.Support;

namespace Quanet.Kme.Tests.Relay;

/// <summary><c>quanet kme network up</c> as a real process running a three-KME chain.</summary>
public sealed class NetworkUpTests
{
    [Fact]
    public async Task Network_up_runs_every_KME_of_the_topology_and_a_key_crosses_two_hops()
    {
        await using var network = new KmeNetwork(3, [(1, 2), (2, 3)]);
        using var up = await KmeProcess.StartAsync(["kme", "network", "up", "--topology", network.TopologyFile, "--certs", network.Pki.Folder], "network up:");
        using var master = network.Client(1);
        using var slave = network.Client(3);

        // all KMEs listen, but the links' pools fill only now: ask until the chain has key
        var deadline = Stopwatch.StartNew();
        var issued = await master.GetKeysAsync("SAE_3", 1, 256);
        while (issued.StatusCode != 200 && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
            issued = await master.GetKeysAsync("SAE_3", 1, 256);
        }

        var key = issued.Value!.Keys[0];
        var fetched = await slave.GetKeysWithIdsAsync("SAE_1", [key.KeyId]);

        Assert.Equal(200, issued.StatusCode);
        Assert.Equal(key.Key, fetched.Value!.Keys[0].Key);
        Assert.True(File.Exists(network.StorePath(2)), "each KME keeps its own store in the certificate folder");
    }
}
