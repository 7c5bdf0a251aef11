using Quanet.Operations.Correlation;
using Quanet.Operations.Inventory;

namespace Quanet.Operations.Simulation.Scenarios;

/// <summary>
/// Mains power fails at a site. 70% of sites have batteries holding 30-120 min (mains failure alarm
/// first, outage when the battery runs out unless power is back); the dying gasp reaches the EMS
/// with probability 0.85.
/// </summary>
public sealed class PowerLossScenario : IFaultScenario
{
    /// <inheritdoc/>
    public string Kind => "power_loss";

    /// <inheritdoc/>
    public IncidentType ExpectedType => IncidentType.PowerLoss;

    /// <inheritdoc/>
    public double OnSiteRepairMinutes => 120;

    /// <inheritdoc/>
    public double ManualDiagnosisMinutes => 30;

    /// <inheritdoc/>
    public bool BaselineRemoteFix => false;

    /// <inheritdoc/>
    public InjectedFault? Inject(SimulationWorld world, int id, long nowMicros)
    {
        ArgumentNullException.ThrowIfNull(world);
        var sites = world.Inventory.Sites.Where(s => s.Role == SiteRole.Cell && world.Network.SiteUp(s.Id) && !ScenarioHelpers.SiteBusy(world, s.Id)).ToList();
        var site = ScenarioHelpers.Pick(world.Rng, sites);
        if (site is null)
        {
            return null;
        }

        var battery = world.Rng.NextDouble() < 0.7;
        var holdMinutes = battery ? 30 + (90 * world.Rng.NextDouble()) : 0;
        var fault = new InjectedFault
        {
            Id = id,
            Kind = Kind,
            ExpectedType = ExpectedType,
            RootCause = site.Id,
            Site = site.Id,
            StartMicros = nowMicros,
            NeedsFieldRepair = true,
            Detail = battery ? $"battery {holdMinutes:0} min" : "no battery",
        };
        world.MainsFailed.Add(site.Id);
        world.Schedule(nowMicros + (long)(holdMinutes * 60_000_000), w =>
        {
            if (fault.RepairedMicros is not null)
            {
                return;
            }

            if (w.Network.SiteUp(site.Id) && w.Rng.NextDouble() < 0.85)
            {
                w.GaspSent.Add(site.Id);
            }

            w.Network.UnpoweredSites.Add(site.Id);
            w.Refresh();
        });
        return fault;
    }

    /// <inheritdoc/>
    public void Repair(SimulationWorld world, InjectedFault fault)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(fault);
        world.Network.UnpoweredSites.Remove(fault.RootCause);
        world.MainsFailed.Remove(fault.RootCause);
        world.GaspSent.Remove(fault.RootCause);
    }

    /// <inheritdoc/>
    public bool IsResolved(SimulationWorld world, InjectedFault fault)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(fault);
        return !world.MainsFailed.Contains(fault.RootCause);
    }

    /// <inheritdoc/>
    public bool Causes(SimulationWorld world, InjectedFault fault, DesiredAlarm alarm)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(alarm);
        var site = fault.RootCause;
        if (alarm.Condition == AlarmConditions.LinkDown)
        {
            return world.Inventory.LinksOf(site).Any(l => l.Id == alarm.Interface);
        }

        if (alarm.Condition == AlarmConditions.XnLinkFailure)
        {
            // raised by a live neighbour CU about the CU that went dark with this site (or behind it)
            var peer = world.Inventory.FindElement(alarm.Interface);
            return peer is not null && world.Network.UnpoweredSites.Contains(site)
                && (peer.SiteId == site || world.Graph.IsolatedBySite(site).Contains(peer.SiteId));
        }

        var element = world.Inventory.FindElement(alarm.Source);
        if (element is null || alarm.Domain != "fault")
        {
            return false;
        }

        return element.SiteId == site
            || (world.Network.UnpoweredSites.Contains(site) && world.Graph.IsolatedBySite(site).Contains(element.SiteId)
                && alarm.Condition is AlarmConditions.NeUnreachable or AlarmConditions.F1LinkFailure or AlarmConditions.CellUnavailable);
    }
}
