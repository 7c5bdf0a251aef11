using Quanet.Operations.Correlation;

namespace Quanet.Operations.Simulation.Scenarios;

/// <summary>A transport link is cut (digger, storm): loss of signal at both ends, everything behind it unreachable.</summary>
public sealed class FibreCutScenario : IFaultScenario
{
    /// <inheritdoc/>
    public string Kind => "fibre_cut";

    /// <inheritdoc/>
    public IncidentType ExpectedType => IncidentType.FibreCut;

    /// <inheritdoc/>
    public double OnSiteRepairMinutes => 240;

    /// <inheritdoc/>
    public double ManualDiagnosisMinutes => 45;

    /// <inheritdoc/>
    public bool BaselineRemoteFix => false;

    /// <inheritdoc/>
    public InjectedFault? Inject(SimulationWorld world, int id, long nowMicros)
    {
        ArgumentNullException.ThrowIfNull(world);
        var links = world.Inventory.Links.Where(l => !world.Network.CutLinks.Contains(l.Id)
            && world.Network.SiteUp(l.From) && world.Network.SiteUp(l.To)
            && !ScenarioHelpers.SiteBusy(world, l.From) && !ScenarioHelpers.SiteBusy(world, l.To)).ToList();
        var link = ScenarioHelpers.Pick(world.Rng, links);
        if (link is null)
        {
            return null;
        }

        world.Network.CutLinks.Add(link.Id);
        var near = world.Graph.DistanceToCoreKm(link.From) <= world.Graph.DistanceToCoreKm(link.To) ? link.From : link.To;
        return new InjectedFault { Id = id, Kind = Kind, ExpectedType = ExpectedType, RootCause = link.Id, Site = near, StartMicros = nowMicros, NeedsFieldRepair = true };
    }

    /// <inheritdoc/>
    public void Repair(SimulationWorld world, InjectedFault fault)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(fault);
        world.Network.CutLinks.Remove(fault.RootCause);
    }

    /// <inheritdoc/>
    public bool IsResolved(SimulationWorld world, InjectedFault fault)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(fault);
        return !world.Network.CutLinks.Contains(fault.RootCause);
    }

    /// <inheritdoc/>
    public bool Causes(SimulationWorld world, InjectedFault fault, DesiredAlarm alarm)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(alarm);
        if (alarm.Condition == AlarmConditions.LinkDown)
        {
            return alarm.Interface == fault.RootCause;
        }

        if (alarm.Condition == AlarmConditions.XnLinkFailure)
        {
            // raised by a live neighbour CU about a CU cut off behind the link
            var peer = world.Inventory.FindElement(alarm.Interface);
            return peer is not null && world.Graph.IsolatedByLink(fault.RootCause).Contains(peer.SiteId);
        }

        if (alarm.Condition is not (AlarmConditions.NeUnreachable or AlarmConditions.F1LinkFailure or AlarmConditions.CellUnavailable))
        {
            return false;
        }

        var isolated = world.Graph.IsolatedByLink(fault.RootCause);
        var element = world.Inventory.FindElement(alarm.Source);
        if (element is null)
        {
            return false;
        }

        if (isolated.Contains(element.SiteId))
        {
            return true;
        }

        return alarm.Condition == AlarmConditions.F1LinkFailure && element.ServedBy is { } cu
            && world.Inventory.FindElement(cu) is { } cuElement && isolated.Contains(cuElement.SiteId);
    }
}
