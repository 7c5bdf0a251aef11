namespace Quanet.Operations.Simulation;

/// <summary>Simulator-side bookkeeping of one fault under Quanet.</summary>
internal sealed class FaultTrack(InjectedFault fault, IFaultScenario scenario)
{
    public InjectedFault Fault { get; } = fault;

    public IFaultScenario Scenario { get; } = scenario;

    public long? RepairAt { get; set; }

    public int Visits { get; set; }

    public double ConfigMinutes { get; set; }

    public string Path { get; set; } = "";

    public bool FallbackScheduled { get; set; }
}
