using Quanet.Operations.Correlation;
using Quanet.Operations.Inventory;

namespace Quanet.Operations.Simulation.Scenarios;

/// <summary>
/// An O-DU's software crashes: F1 and fronthaul drop, the DU stops answering management; 60% report a
/// software fault first; 15% are crash loops a restart does not fix (a visit swaps the unit).
/// </summary>
public sealed class DuCrashScenario : IFaultScenario
{
    /// <inheritdoc/>
    public string Kind => "du_crash";

    /// <inheritdoc/>
    public IncidentType ExpectedType => IncidentType.DuSoftwareCrash;

    /// <inheritdoc/>
    public double OnSiteRepairMinutes => 90;

    /// <inheritdoc/>
    public double ManualDiagnosisMinutes => 30;

    /// <inheritdoc/>
    public bool BaselineRemoteFix => true;

    /// <inheritdoc/>
    public InjectedFault? Inject(SimulationWorld world, int id, long nowMicros)
    {
        ArgumentNullException.ThrowIfNull(world);
        var du = ScenarioHelpers.Pick(world.Rng, ScenarioHelpers.Elements(world, ElementKind.DistributedUnit,
            e => !world.Network.CrashedDus.Contains(e.Id) && !ScenarioHelpers.SiteBusy(world, e.SiteId)));
        if (du is null)
        {
            return null;
        }

        var loop = world.Rng.NextDouble() < 0.15;
        world.Network.CrashedDus.Add(du.Id);
        if (loop)
        {
            world.Network.CrashLoopDus.Add(du.Id);
        }

        if (world.Rng.NextDouble() < 0.6)
        {
            world.SoftwareFaultShown.Add(du.Id);
        }

        return new InjectedFault
        {
            Id = id,
            Kind = Kind,
            ExpectedType = ExpectedType,
            RootCause = du.Id,
            Site = du.SiteId,
            StartMicros = nowMicros,
            NeedsFieldRepair = loop,
            Detail = loop ? "crash loop" : "restartable",
        };
    }

    /// <inheritdoc/>
    public void Repair(SimulationWorld world, InjectedFault fault)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(fault);
        world.Network.CrashedDus.Remove(fault.RootCause);
        world.Network.CrashLoopDus.Remove(fault.RootCause);
        world.SoftwareFaultShown.Remove(fault.RootCause);
    }

    /// <inheritdoc/>
    public bool IsResolved(SimulationWorld world, InjectedFault fault)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(fault);
        return !world.Network.CrashedDus.Contains(fault.RootCause);
    }

    /// <inheritdoc/>
    public bool Causes(SimulationWorld world, InjectedFault fault, DesiredAlarm alarm)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(alarm);
        return alarm.Domain == "fault" && (alarm.Source == fault.RootCause
            || (alarm.Condition is AlarmConditions.FronthaulLoss or AlarmConditions.CellUnavailable
                && world.Inventory.FindElement(alarm.Source)?.ServedBy == fault.RootCause));
    }
}
