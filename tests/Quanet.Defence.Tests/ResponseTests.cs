using System.Net;
using Quanet.Defence.Response;
using Quanet.Defence.Rules;
using Quanet.Defence.Simulation;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Tests;

public sealed class ResponseTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Blast_radius_allows_one_transit_down_but_not_both()
    {
        var inventory = DefenceScenario.Inventory();

        Assert.Empty(BlastRadius.LostDemands(inventory, ["l-ix-b"]));
        Assert.Empty(BlastRadius.LostDemands(inventory, ["l-ix-a"]));
        var lost = BlastRadius.LostDemands(inventory, ["l-ix-b", "l-ix-c"]);
        Assert.Contains(lost, d => d.To == "internet");
    }

    [Fact]
    public void Intrusion_isolates_the_partner_and_rollback_restores_it()
    {
        var adapter = new SimulatedInterconnectAdapter();
        var engine = new DefenceEngine(DefenceScenario.Inventory(), RuleSetLoader.Default(), adapter);

        engine.Process(new CommandEvent(T0, "pe1", "svc", IPAddress.Parse("203.0.113.66"), "show running-config"));

        Assert.Contains("ix-wireline-a", adapter.Isolated);
        var isolate = Assert.Single(engine.Audit, e => e.Action == "isolate");
        Assert.Contains("blast-radius check", isolate.Reason, StringComparison.Ordinal);
        Assert.Equal(T0 + adapter.ApplyLatency, isolate.At);

        Assert.Equal(1, engine.Rollback(isolate.Incident, T0.AddHours(1)));
        Assert.Empty(adapter.Isolated);
        Assert.Contains(engine.Audit, e => e.Action == "rollback" && e.ChangeId == isolate.ChangeId);
    }

    [Fact]
    public void Isolation_that_would_cut_customer_traffic_waits_for_approval_and_filters_meanwhile()
    {
        var adapter = new SimulatedInterconnectAdapter();
        var engine = new DefenceEngine(DefenceScenario.Inventory(), RuleSetLoader.Default(), adapter);
        engine.Process(new CommandEvent(T0, "pe1", "svc", IPAddress.Parse("198.51.100.9"), "show version"));
        Assert.Contains("ix-transit-b", adapter.Isolated);

        engine.Process(new CommandEvent(T0.AddSeconds(5), "pe2", "svc", IPAddress.Parse("192.0.2.9"), "show version"));

        Assert.DoesNotContain("ix-transit-c", adapter.Isolated);
        Assert.Contains(engine.Audit, e => e.Action == "approval-required" && e.Interconnect == "ix-transit-c");
        Assert.True(adapter.Blocks("ix-transit-c", "192.0.2.9"));
        var waiting = engine.Correlator.Incidents.Single(i => i.Interconnect == "ix-transit-c");
        Assert.Equal(ResponseKind.AwaitApproval, waiting.Response);

        engine.Approve(waiting.Id, T0.AddMinutes(5));
        Assert.Contains("ix-transit-c", adapter.Isolated);
    }

    [Fact]
    public void Weak_evidence_only_alerts()
    {
        var adapter = new SimulatedInterconnectAdapter();
        var engine = new DefenceEngine(DefenceScenario.Inventory(), RuleSetLoader.Default(), adapter);

        engine.Process(new BgpUpdateEvent(T0, 206103, IPNetwork.Parse("8.8.8.0/24"), [206103, 64512, 15169], false));

        Assert.Contains(engine.Audit, e => e.Action == "alert");
        Assert.DoesNotContain(engine.Audit, e => e.Action is "filter" or "isolate");
    }
}
