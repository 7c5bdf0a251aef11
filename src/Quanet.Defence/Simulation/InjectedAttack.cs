namespace Quanet.Defence.Simulation;

/// <summary>Ground truth of one injected attack.</summary>
/// <param name="Id">Attack id.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Interconnect">The interconnect it comes over.</param>
/// <param name="Actor">The attacking source (address, GT or AS) as the detectors name it.</param>
/// <param name="Start">Time of its first event.</param>
public sealed record InjectedAttack(string Id, AttackKind Kind, string Interconnect, string Actor, DateTimeOffset Start);
