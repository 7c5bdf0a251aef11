using Quanet.Defence.Simulation;
using Xunit.Abstractions;

namespace Quanet.Defence.Tests;

public sealed class InterconnectAttackSimulationTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_attack_is_detected_and_contained_within_a_minute_without_losing_customer_traffic()
    {
        var report = InterconnectAttackSimulation.Run(new DefenceSimulationOptions { Days = 4, AttacksPerKind = 2, Seed = 7 });
        foreach (var o in report.Outcomes)
        {
            output.WriteLine($"{o.Attack.Id} {o.Attack.Kind} {o.Attack.Interconnect} {o.Attack.Actor}: detect {o.SecondsToDetect:F1}s contain {o.SecondsToContain:F1}s {o.Response} [{string.Join(",", o.Rules)}]");
        }

        output.WriteLine($"prevented {report.Prevented} rollbacks {report.Rollbacks} events {report.Events} fp {report.FalsePositiveIncidents} false filters {report.FalseFilters} false isolations {report.FalseIsolations} rejected {report.RejectedLines} leaked {report.LeakedAttackEvents} blocked {report.BlockedAttackEvents}");

        Assert.Equal(8, report.Attacks);
        Assert.Equal(report.Attacks, report.Detected + report.Prevented);
        Assert.Equal(report.Attacks, report.Contained);
        Assert.True(report.MaxSecondsToContain <= 60, $"slowest containment {report.MaxSecondsToContain} s");
        Assert.Equal(0, report.CustomerTrafficLost);
        Assert.Equal(0, report.FalseIsolations);
        Assert.Equal(0, report.LeakedAttackEvents);
        Assert.True(report.RejectedLines > 0, "the background carries hostile lines that must be rejected");
    }

    [Fact]
    public void Same_seed_gives_the_same_report()
    {
        var a = InterconnectAttackSimulation.Run(new DefenceSimulationOptions { Days = 1, AttacksPerKind = 1, Seed = 3 });
        var b = InterconnectAttackSimulation.Run(new DefenceSimulationOptions { Days = 1, AttacksPerKind = 1, Seed = 3 });

        Assert.Equal(a.Events, b.Events);
        Assert.Equal(a.MaxSecondsToContain, b.MaxSecondsToContain);
        Assert.Equal(a.FalsePositiveIncidents, b.FalsePositiveIncidents);
        Assert.Equal(a.Outcomes.Select(o => o.Attack), b.Outcomes.Select(o => o.Attack));
    }
}
