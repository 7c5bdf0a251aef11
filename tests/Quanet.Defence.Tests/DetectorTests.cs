using System.Net;
using Quanet.Defence.Rules;
using Quanet.Defence.Simulation;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Tests;

public sealed class DetectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly DetectionEngine _engine = new(DefenceScenario.Inventory(), RuleSetLoader.Default());

    [Fact]
    public void Fs11_category1_operation_is_flagged_whatever_the_subscriber()
    {
        var hits = _engine.Inspect(Sig("anyTimeInterrogation", "ss7-roam-x", "208010000000001"));

        Assert.Equal("FS11-CAT1", Assert.Single(hits).RuleId);
    }

    [Fact]
    public void Fs11_category2_allows_the_partners_own_subscribers_and_flags_ours()
    {
        Assert.Empty(_engine.Inspect(Sig("insertSubscriberData", "ss7-roam-x", "208010000000001")));

        var hit = Assert.Single(_engine.Inspect(Sig("insertSubscriberData", "ss7-roam-x", "262990000000001")));
        Assert.Equal("FS11-CAT2", hit.RuleId);
        Assert.Contains("not a subscriber of the partner", hit.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Diameter_category2_request_for_our_subscriber_is_flagged()
    {
        var ev = new SignallingEvent(T0, "ss7-hub-y", "Diameter", "Cancel-Location-Request", "hss.partner.example", "mme.our.example", "262990000000042", null);

        Assert.Equal("FS11-CAT2", Assert.Single(_engine.Inspect(ev)).RuleId);
    }

    [Fact]
    public void Fs11_category3_flags_impossible_travel_only()
    {
        Assert.Empty(_engine.Inspect(Sig("updateLocation", "ss7-roam-x", "262990000000007", "FR", T0)));
        Assert.Empty(_engine.Inspect(Sig("updateLocation", "ss7-hub-y", "262990000000007", "ES", T0.AddHours(8))));

        // Madrid to Sydney in ten minutes
        var hit = Assert.Single(_engine.Inspect(Sig("updateLocation", "ss7-hub-y", "262990000000007", "AU", T0.AddHours(8).AddMinutes(10))));
        Assert.Equal("FS11-CAT3", hit.RuleId);
    }

    [Theory]
    [InlineData("198.18.7.0/24", new long[] { 206103, 206666 }, "BGP-ORIGIN")]
    [InlineData("198.18.7.0/25", new long[] { 206103, 206000 }, "BGP-MORE-SPECIFIC")]
    [InlineData("8.8.8.0/24", new long[] { 206103, 3356, 206103, 15169 }, "BGP-PATH")]
    [InlineData("8.8.8.0/24", new long[] { 206103, 64512, 15169 }, "BGP-PATH")]
    [InlineData("8.8.8.0/24", new long[] { 3356, 15169 }, "BGP-PATH")]
    public void Bgp_anomalies_are_flagged(string prefix, long[] path, string rule)
    {
        var hits = _engine.Inspect(new BgpUpdateEvent(T0, 206103, IPNetwork.Parse(prefix), path, false));

        Assert.Contains(hits, h => h.RuleId == rule);
    }

    [Fact]
    public void Bgp_prepending_and_legitimate_routes_are_quiet()
    {
        Assert.Empty(_engine.Inspect(new BgpUpdateEvent(T0, 206103, IPNetwork.Parse("8.8.8.0/24"), [206103, 206103, 3356, 15169], false)));
        Assert.Empty(_engine.Inspect(new BgpUpdateEvent(T0, 206101, IPNetwork.Parse("203.0.113.0/24"), [206101], false)));
    }

    [Fact]
    public void Peer_announcing_space_it_does_not_hold_is_an_origin_anomaly()
    {
        var hits = _engine.Inspect(new BgpUpdateEvent(T0, 206101, IPNetwork.Parse("1.1.1.0/24"), [206101, 13335], false));

        Assert.Contains(hits, h => h.RuleId == "BGP-ORIGIN" && h.Interconnect == "ix-wireline-a");
    }

    [Fact]
    public void Discovery_commands_count_only_from_interconnect_sourced_sessions()
    {
        Assert.Empty(_engine.Inspect(new CommandEvent(T0, "pe1", "alice", IPAddress.Parse("198.18.1.20"), "show running-config")));

        var hit = Assert.Single(_engine.Inspect(new CommandEvent(T0, "pe1", "svc", IPAddress.Parse("203.0.113.66"), "show running-config")));
        Assert.Equal("CMD-DISCOVERY", hit.RuleId);
        Assert.Equal("ix-wireline-a", hit.Interconnect);
    }

    [Fact]
    public void Scanning_fires_at_the_distinct_target_threshold()
    {
        var src = IPAddress.Parse("198.51.100.77");
        var hits = new List<Detection>();
        for (var i = 0; i < 25; i++)
        {
            hits.AddRange(_engine.Inspect(new FlowEvent(T0.AddSeconds(i), src, IPAddress.Parse($"198.19.0.{i + 1}"), 50_000, 445, "TCP", 60, 1)));
        }

        var hit = Assert.Single(hits);
        Assert.Equal("FLOW-SCAN", hit.RuleId);
        Assert.Equal(T0.AddSeconds(24), hit.Timestamp);
    }

    private static SignallingEvent Sig(string op, string ic, string imsi, string? country = null, DateTimeOffset? at = null) =>
        new(at ?? T0, ic, "MAP", op, "33600000001", "491500000001", imsi, country);
}
