using Quanet.Operations.Correlation;
using Quanet.Operations.Inventory;

namespace Quanet.Operations.Simulation.Scenarios;

/// <summary>A demand surge (event, stadium) drives a cell's PRB demand to 1.2x its one-carrier capacity for 4 h.</summary>
public sealed class CongestionScenario : IFaultScenario
{
    /// <summary>How long the surge lasts when nothing is done.</summary>
    public const double SurgeMinutes = 240;

    /// <inheritdoc/>
    public string Kind => "congestion";

    /// <inheritdoc/>
    public IncidentType ExpectedType => IncidentType.Congestion;

    /// <inheritdoc/>
    public double OnSiteRepairMinutes => 0;

    /// <inheritdoc/>
    public double ManualDiagnosisMinutes => 60;

    /// <inheritdoc/>
    public bool BaselineRemoteFix => true;

    /// <inheritdoc/>
    public InjectedFault? Inject(SimulationWorld world, int id, long nowMicros)
    {
        ArgumentNullException.ThrowIfNull(world);
        var ru = ScenarioHelpers.Pick(world.Rng, ScenarioHelpers.Elements(world, ElementKind.RadioUnit,
            e => !world.Network.LoadSurge.ContainsKey(e.Id) && !ScenarioHelpers.SiteBusy(world, e.SiteId)));
        if (ru is null)
        {
            return null;
        }

        world.Network.LoadSurge[ru.Id] = 1.2 / Math.Max(0.05, world.Network.BaseLoad(ru.Id));
        var fault = new InjectedFault { Id = id, Kind = Kind, ExpectedType = ExpectedType, RootCause = ru.Id, Site = ru.SiteId, StartMicros = nowMicros };
        world.Schedule(nowMicros + (long)(SurgeMinutes * 60_000_000), w =>
        {
            if (fault.RepairedMicros is null)
            {
                fault.RepairedMicros = w.NowMicros;
            }

            Repair(w, fault);
        });
        return fault;
    }

    /// <inheritdoc/>
    public void Repair(SimulationWorld world, InjectedFault fault)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(fault);
        world.Network.LoadSurge.Remove(fault.RootCause);
    }

    /// <inheritdoc/>
    public bool IsResolved(SimulationWorld world, InjectedFault fault)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(fault);
        return !world.Network.LoadSurge.ContainsKey(fault.RootCause) || (world.Network.SiteUp(fault.Site) && world.Network.CellKpis(world.Inventory.FindElement(fault.RootCause)!)["prb_utilisation"] <= 0.85);
    }

    /// <inheritdoc/>
    public bool Causes(SimulationWorld world, InjectedFault fault, DesiredAlarm alarm)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(alarm);
        return alarm.Source == fault.RootCause && alarm.Condition is AlarmConditions.TcaPrb or AlarmConditions.TcaThroughput;
    }
}
