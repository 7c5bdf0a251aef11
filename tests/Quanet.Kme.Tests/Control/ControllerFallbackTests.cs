using System.Diagnostics;
using Quanet.Kme.Tests.Support;

namespace Quanet.Kme.Tests.Control;

/// <summary>The network never depends on the controller: KMEs whose controller is not running route on their own.</summary>
public sealed class ControllerFallbackTests
{
    [Fact]
    public async Task Without_a_running_controller_relays_still_cross_the_ring_on_the_KMEs_own_routes()
    {
        await using var network = new KmeNetwork(4, ControllerFixture.Ring, controller: true);
        await network.StartAsync(TimeProvider.System); // the topology names a controller; none is started
        using var master = network.Client(1);
        using var slave = network.Client(3);

        var deadline = Stopwatch.StartNew();
        var issued = await master.GetKeysAsync("SAE_3", 1, 256);
        while (issued.StatusCode != 200 && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
            issued = await master.GetKeysAsync("SAE_3", 1, 256);
        }

        var timed = Stopwatch.StartNew();
        var again = await master.GetKeysAsync("SAE_3", 1, 256);
        timed.Stop();
        var fetched = await slave.GetKeysWithIdsAsync("SAE_1", [issued.Value!.Keys[0].KeyId, again.Value!.Keys[0].KeyId]);

        Assert.Equal(200, issued.StatusCode);
        Assert.Equal([issued.Value.Keys[0].Key, again.Value.Keys[0].Key], fetched.Value!.Keys.Select(k => k.Key));
        Assert.True(timed.Elapsed < TimeSpan.FromSeconds(1), $"a relay took {timed.ElapsedMilliseconds} ms without the controller"); // the unreachable controller is left alone for 2 s
    }
}
