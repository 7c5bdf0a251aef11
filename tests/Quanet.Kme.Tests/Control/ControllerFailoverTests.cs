using System.Collections.Concurrent;
using System.Diagnostics;
using Quanet.Kme.Storage;
using Quanet.Kme.Tests.Support;
using Xunit.Abstractions;

namespace Quanet.Kme.Tests.Control;

/// <summary>
/// Failover with the SDN controller in the loop: four real <c>quanet kme serve</c> processes in a ring, the controller
/// in this process, concurrent key requests from SAE_1 (KME_1) for SAE_3 (KME_3), and kill -9 of the KME in the
/// middle of the path in use.
/// </summary>
public sealed class ControllerFailoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task When_a_KME_on_the_path_is_killed_requests_succeed_on_the_other_path_within_2_s_and_every_key_is_delivered_once()
    {
        await using var network = new KmeNetwork(4, ControllerFixture.Ring, controller: true);
        var controller = await network.StartControllerAsync(TimeProvider.System);
        var kmes = new KmeProcess?[5];
        try
        {
            for (var i = 1; i <= 4; i++)
            {
                kmes[i] = await KmeProcess.StartAsync(network.ServeArguments(i));
            }

            await Poll.UntilAsync(() => controller.State.Links().All(l => l.Up && l.UsableBlocksA > 0 && l.UsableBlocksB > 0), "every link up at the controller");
            using var master = network.Client(1);
            var clock = Stopwatch.StartNew();
            var calls = new ConcurrentBag<Call>();
            var acknowledged = new ConcurrentDictionary<string, string>();
            var duplicates = 0;
            using var stop = new CancellationTokenSource();
            var load = Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var started = clock.Elapsed;
                    var response = await master.GetKeysAsync("SAE_3", 1, 256);
                    calls.Add(new Call(started, clock.Elapsed, response.StatusCode == 200));
                    foreach (var key in response.Value?.Keys ?? [])
                    {
                        if (!acknowledged.TryAdd(key.KeyId, key.Key))
                        {
                            Interlocked.Increment(ref duplicates);
                        }
                    }
                }
            }));

            await Poll.UntilAsync(() => acknowledged.Count >= 200, "200 relayed keys before the failure");
            var asked = controller.State.PathQuestions;
            var used = (await AuditTrail.ReadRelaysAsync(network.StorePath(1)))[^1].Path.Split('>')[1];
            var victim = used == "KME_2" ? 2 : 4;
            var survivor = victim == 2 ? "KME_4" : "KME_2";
            var killedAt = clock.Elapsed;
            kmes[victim]!.KillHard();
            var keysAtKill = acknowledged.Count;
            await Poll.UntilAsync(() => clock.Elapsed - killedAt > TimeSpan.FromSeconds(3) && acknowledged.Count >= keysAtKill + 200, "3 s and 200 relayed keys after the failure");
            await stop.CancelAsync();
            await load;

            var after = calls.Where(c => c.End > killedAt).ToList();
            var ordinary = calls.Where(c => c.End <= killedAt).Select(c => c.End - c.Start).Order().ToList();
            var median = ordinary[ordinary.Count / 2];
            var firstSuccess = after.Where(c => c.Ok && c.Start >= killedAt).Min(c => c.End) - killedAt;
            var slowest = after.Max(c => c.End - c.Start);
            var failed = after.Count(c => !c.Ok);
            var firstPath = controller.State.Paths("KME_1", "KME_3", 1);
            var wrong = await CheckOnceAsync(network, acknowledged);
            var deliveries = await AuditTrail.ReadDeliveriesAsync(network.StorePath(3));
            var fetched = deliveries.Where(d => d.Call == KeyDeliveryCall.DecKeys).GroupBy(d => d.KeyId).ToList();
            output.WriteLine($"killed {network.Ids[victim - 1]} at {killedAt.TotalSeconds:F3} s; first success of a request started after the kill {firstSuccess.TotalMilliseconds:F0} ms later; "
                + $"slowest request in flight at or after the kill {slowest.TotalMilliseconds:F0} ms; median request before the kill {median.TotalMilliseconds:F0} ms; {failed} failed of {after.Count}; {acknowledged.Count} keys; "
                + $"{controller.State.PathQuestions} path questions to the controller; load {File.ReadAllText("/proc/loadavg").Trim()}");

            Assert.True(controller.State.PathQuestions > asked && asked > 0, "KME_1 should ask the controller for its paths");
            // The 2 s goal counts from the failure to a success on the other path; a request costs its ordinary latency
            // on top (a few ms on an idle machine, 0.3-0.5 s on this shared 2-core one at load 30-40), which is not failover.
            Assert.True(firstSuccess < Budget + median, $"first success {firstSuccess.TotalMilliseconds:F0} ms after the failure (median request {median.TotalMilliseconds:F0} ms)");
            Assert.True(slowest < Budget + median + TimeSpan.FromMilliseconds(500), $"a request took {slowest.TotalMilliseconds:F0} ms");
            Assert.Equal(0, failed);
            Assert.Equal(0, duplicates);
            Assert.Empty(wrong);
            Assert.Equal(acknowledged.Count, fetched.Count);
            Assert.All(fetched, g => Assert.Single(g));
            Assert.Equal(survivor, (await AuditTrail.ReadRelaysAsync(network.StorePath(1)))[^1].Path.Split('>')[1]);
            Assert.False(controller.State.Links().Single(l => l.Name == Service.SaeDirectory.LinkName("KME_1", network.Ids[victim - 1])).Up);
            Assert.Equal(["KME_1", survivor, "KME_3"], firstPath.Single().Nodes);
        }
        finally
        {
            foreach (var kme in kmes)
            {
                kme?.Dispose();
            }
        }
    }

    /// <summary>Fetches every acknowledged key once at KME_3 (64 per call) and compares the bytes; returns the mismatches.</summary>
    private static async Task<List<string>> CheckOnceAsync(KmeNetwork network, ConcurrentDictionary<string, string> acknowledged)
    {
        using var slave = network.Client(3);
        var wrong = new List<string>();
        foreach (var chunk in acknowledged.Keys.Chunk(64))
        {
            var once = await slave.GetKeysWithIdsAsync("SAE_1", chunk);
            if (once.StatusCode != 200)
            {
                wrong.Add($"{chunk[0]}..: {once.StatusCode} {once.Error?.Message}");
                continue;
            }

            wrong.AddRange(once.Value!.Keys.Where(k => acknowledged[k.KeyId] != k.Key).Select(k => k.KeyId + ": other bytes"));
            var twice = await slave.GetKeysWithIdsAsync("SAE_1", [chunk[^1]]);
            if (twice.StatusCode != 400)
            {
                wrong.Add($"{chunk[^1]}: fetched twice");
            }
        }

        return wrong;
    }

    private sealed record Call(TimeSpan Start, TimeSpan End, bool Ok);
}
