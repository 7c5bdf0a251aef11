using Quanet.Operations.Correlation;
using Quanet.Operations.Inventory;

namespace Quanet.Operations.Simulation.Scenarios;

/// <summary>
/// A cell's radio KPIs degrade: half are antenna-path hardware faults (VSWR; alarmed 70% of the time;
/// only a visit fixes them), half are "sleeping cells" a reset fixes.
/// </summary>
public sealed class KpiDegradationScenario : IFaultScenario
{
    /// <inheritdoc/>
    public string Kind => "kpi_degradation";

    /// <inheritdoc/>
    public IncidentType ExpectedType => IncidentType.KpiDegradation;

    /// <inheritdoc/>
    public double OnSiteRepairMinutes => 120;

    /// <inheritdoc/>
    public double ManualDiagnosisMinutes => 90;

    /// <inheritdoc/>
    public bool BaselineRemoteFix => false;

    /// <inheritdoc/>
    public InjectedFault? Inject(SimulationWorld world, int id, long nowMicros)
    {
        ArgumentNullException.ThrowIfNull(world);
        var ru = ScenarioHelpers.Pick(world.Rng, ScenarioHelpers.Elements(world, ElementKind.RadioUnit,
            e => !world.Network.VswrFaults.Contains(e.Id) && !world.Network.SleepingCells.Contains(e.Id) && !ScenarioHelpers.SiteBusy(world, e.SiteId)));
        if (ru is null)
        {
            return null;
        }

        var hardware = world.Rng.NextDouble() < 0.5;
        if (hardware)
        {
            world.Network.VswrFaults.Add(ru.Id);
            if (world.Rng.NextDouble() < 0.7)
            {
                world.VswrShown.Add(ru.Id);
            }
        }
        else
        {
            world.Network.SleepingCells.Add(ru.Id);
        }

        return new InjectedFault
        {
            Id = id,
            Kind = Kind,
            ExpectedType = ExpectedType,
            RootCause = ru.Id,
            Site = ru.SiteId,
            StartMicros = nowMicros,
            NeedsFieldRepair = hardware,
            Detail = hardware ? "antenna VSWR" : "sleeping cell",
        };
    }

    /// <inheritdoc/>
    public void Repair(SimulationWorld world, InjectedFault fault)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(fault);
        world.Network.VswrFaults.Remove(fault.RootCause);
        world.Network.SleepingCells.Remove(fault.RootCause);
        world.VswrShown.Remove(fault.RootCause);
    }

    /// <inheritdoc/>
    public bool IsResolved(SimulationWorld world, InjectedFault fault)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(fault);
        return !world.Network.VswrFaults.Contains(fault.RootCause) && !world.Network.SleepingCells.Contains(fault.RootCause);
    }

    /// <inheritdoc/>
    public bool Causes(SimulationWorld world, InjectedFault fault, DesiredAlarm alarm)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(alarm);
        return alarm.Source == fault.RootCause && alarm.Condition is AlarmConditions.TcaBler or AlarmConditions.TcaRrcSuccess or AlarmConditions.VswrHigh;
    }
}
