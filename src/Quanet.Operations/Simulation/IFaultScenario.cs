using Quanet.Operations.Correlation;

namespace Quanet.Operations.Simulation;

/// <summary>
/// One kind of fault the simulator can inject (one class per kind; new kinds such as an interconnect
/// attack plug in by implementing this and registering in <see cref="ScenarioCatalog"/>).
/// </summary>
public interface IFaultScenario
{
    /// <summary>Kind name used on the command line (e.g. <c>fibre_cut</c>).</summary>
    string Kind { get; }

    /// <summary>The incident type a correct diagnosis gives.</summary>
    IncidentType ExpectedType { get; }

    /// <summary>Minutes a technician needs on site to repair it (documented model parameter).</summary>
    double OnSiteRepairMinutes { get; }

    /// <summary>Minutes a NOC engineer needs to diagnose it by hand from tickets (documented model parameter).</summary>
    double ManualDiagnosisMinutes { get; }

    /// <summary>Whether the baseline NOC fixes it remotely by hand once diagnosed (otherwise it dispatches).</summary>
    bool BaselineRemoteFix { get; }

    /// <summary>Picks a target and breaks it; null when no target is eligible.</summary>
    InjectedFault? Inject(SimulationWorld world, int id, long nowMicros);

    /// <summary>Repairs the fault (field repair or natural end).</summary>
    void Repair(SimulationWorld world, InjectedFault fault);

    /// <summary>Whether the network no longer suffers from the fault (e.g. after a remote fix).</summary>
    bool IsResolved(SimulationWorld world, InjectedFault fault);

    /// <summary>Whether this fault causes the alarm (ground-truth labelling for scoring only).</summary>
    bool Causes(SimulationWorld world, InjectedFault fault, DesiredAlarm alarm);
}
