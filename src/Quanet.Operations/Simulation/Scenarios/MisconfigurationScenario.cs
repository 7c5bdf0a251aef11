using System.Globalization;
using Quanet.Operations.Correlation;
using Quanet.Operations.Inventory;

namespace Quanet.Operations.Simulation.Scenarios;

/// <summary>A wrong RACH configuration index is pushed to an O-DU: RRC setup success of all its cells collapses.</summary>
public sealed class MisconfigurationScenario : IFaultScenario
{
    /// <inheritdoc/>
    public string Kind => "misconfiguration";

    /// <inheritdoc/>
    public IncidentType ExpectedType => IncidentType.Misconfiguration;

    /// <inheritdoc/>
    public double OnSiteRepairMinutes => 0;

    /// <inheritdoc/>
    public double ManualDiagnosisMinutes => 120;

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

        var change = string.Create(CultureInfo.InvariantCulture, $"chg-{id}-{world.Rng.Next(1000, 9999)}");
        world.Network.Apply(du.Id, new Dictionary<string, double> { ["rach_config_index"] = 159 }, change);
        world.EmitConfigChange(du.Id, change);
        return new InjectedFault { Id = id, Kind = Kind, ExpectedType = ExpectedType, RootCause = du.Id, Site = du.SiteId, StartMicros = nowMicros, Detail = change };
    }

    /// <inheritdoc/>
    public void Repair(SimulationWorld world, InjectedFault fault)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(fault);
        if (world.Network.SiteUp(fault.Site) && world.Network.GetConfiguration(fault.RootCause)["rach_config_index"] != 16)
        {
            world.Network.Apply(fault.RootCause, new Dictionary<string, double> { ["rach_config_index"] = 16 }, $"manual-fix-{fault.Id}");
        }
    }

    /// <inheritdoc/>
    public bool IsResolved(SimulationWorld world, InjectedFault fault)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(fault);
        return world.Network.Configuration(fault.RootCause)["rach_config_index"] == 16;
    }

    /// <inheritdoc/>
    public bool Causes(SimulationWorld world, InjectedFault fault, DesiredAlarm alarm)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(alarm);
        return alarm.Condition == AlarmConditions.TcaRrcSuccess && world.Inventory.FindElement(alarm.Source)?.ServedBy == fault.RootCause;
    }
}
