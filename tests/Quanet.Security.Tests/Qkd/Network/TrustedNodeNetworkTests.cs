using Quanet.Core.Units;
using Quanet.Security.Qkd;
using Quanet.Security.Qkd.Network;

namespace Quanet.Security.Tests.Qkd.Network;

public sealed class TrustedNodeNetworkTests
{
    private static readonly NetworkSimulationOptions Options = new() { DurationSeconds = 600, StepSeconds = 1, Seed = 9, Link = QkdLinkParameters.Gys with { ClockRateHz = 1e8 } };

    private static double Rate(double km) =>
        DecoyBb84Model.OptimalRate(Options.Link, QkdProtocol.VacuumWeak, new Kilometres(km)).RateBitsPerSecond;

    [Fact]
    public void Relayed_key_arrives_intact_and_each_hop_sees_only_a_one_time_pad_ciphertext()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var hopKeys = new[] { Enumerable.Repeat((byte)0xA5, 32).ToArray(), Enumerable.Range(100, 32).Select(i => (byte)i).ToArray() };

        var (ciphertexts, delivered) = KeyRelay.Relay(key, hopKeys);

        Assert.Equal(key, delivered);
        Assert.Equal(2, ciphertexts.Count);
        for (var hop = 0; hop < 2; hop++)
        {
            Assert.Equal(key.Zip(hopKeys[hop], (k, p) => (byte)(k ^ p)).ToArray(), ciphertexts[hop]);
        }
    }

    [Fact]
    public void A_small_demand_over_two_hops_is_fully_served()
    {
        var links = new[] { new QkdNetworkLink("A", "T", new Kilometres(20)), new QkdNetworkLink("T", "B", new Kilometres(30)) };
        var demand = 0.5 * Math.Min(Rate(20), Rate(30));

        var result = TrustedNodeNetwork.Simulate(links, [new KeyDemand("A", "B", demand)], Options);

        var outcome = Assert.Single(result.Demands);
        Assert.True(outcome.RequestedBits > 0);
        Assert.True(outcome.UnmetFraction < 0.01, $"unmet {outcome.UnmetFraction:P1}");
        Assert.Equal(2, outcome.MeanHops);
        Assert.Equal(outcome.DeliveredBits, result.Links[0].ConsumedBits);
        Assert.Equal(outcome.DeliveredBits, result.Links[1].ConsumedBits);
    }

    [Fact]
    public void Demand_above_the_bottleneck_rate_is_reported_unmet()
    {
        var links = new[] { new QkdNetworkLink("A", "T", new Kilometres(10)), new QkdNetworkLink("T", "B", new Kilometres(80)) };
        var bottleneck = Rate(80);

        var result = TrustedNodeNetwork.Simulate(links, [new KeyDemand("A", "B", 4 * bottleneck)], Options);

        // at most the bottleneck link's key can be relayed: about 3/4 of the demand is unmet
        Assert.InRange(result.Demands[0].UnmetFraction, 0.7, 0.8);
        Assert.True(result.Demands[0].DeliveredBits <= (bottleneck * Options.DurationSeconds) + 256);
    }

    [Fact]
    public void Routing_spills_over_to_a_longer_path_when_the_direct_pool_runs_dry()
    {
        var links = new[]
        {
            new QkdNetworkLink("A", "B", new Kilometres(20)),
            new QkdNetworkLink("A", "C", new Kilometres(40)),
            new QkdNetworkLink("C", "B", new Kilometres(40)),
        };
        var demand = Rate(20) + (0.5 * Rate(40));

        var result = TrustedNodeNetwork.Simulate(links, [new KeyDemand("A", "B", demand)], Options);

        var outcome = result.Demands[0];
        Assert.True(outcome.DeliveredBits > Rate(20) * Options.DurationSeconds, "no key went over the two-hop path");
        Assert.InRange(outcome.MeanHops, 1.01, 1.99);
        Assert.True(outcome.UnmetFraction < 0.05, $"unmet {outcome.UnmetFraction:P1}");
    }

    [Fact]
    public void Same_seed_same_outcome()
    {
        var links = new[] { new QkdNetworkLink("A", "B", new Kilometres(60)) };
        var demands = new[] { new KeyDemand("A", "B", 2 * Rate(60)) };

        var first = TrustedNodeNetwork.Simulate(links, demands, Options);
        var second = TrustedNodeNetwork.Simulate(links, demands, Options);

        Assert.Equal(first.Demands, second.Demands);
    }

    [Fact]
    public void Rejects_a_demand_between_unknown_nodes()
    {
        var ex = Assert.Throws<ArgumentException>(() => TrustedNodeNetwork.Simulate([new QkdNetworkLink("A", "B", new Kilometres(5))], [new KeyDemand("A", "Z", 10)], Options));
        Assert.Equal("demand A -> Z names a node that no link reaches", ex.Message);
    }
}
