namespace Quanet.Defence.Simulation;

/// <summary>Outcome of an interconnect-attack simulation, measured against ground truth.</summary>
public sealed record DefenceSimulationReport
{
    /// <summary>Simulated days.</summary>
    public required int Days { get; init; }

    /// <summary>Events processed (benign and attack).</summary>
    public required long Events { get; init; }

    /// <summary>Attacks injected.</summary>
    public required int Attacks { get; init; }

    /// <summary>Attacks with at least one detection on their own events.</summary>
    public required int Detected { get; init; }

    /// <summary>Attacks none of whose events got in, because an earlier containment on their interconnect was still in force.</summary>
    public required int Prevented { get; init; }

    /// <summary>Rollbacks performed when containments expired.</summary>
    public required int Rollbacks { get; init; }

    /// <summary>Attacks whose actor was filtered or whose interconnect was isolated.</summary>
    public required int Contained { get; init; }

    /// <summary>Detection rate, (detected + prevented) / attacks.</summary>
    public double DetectionRate => Attacks == 0 ? 1 : (double)(Detected + Prevented) / Attacks;

    /// <summary>Slowest time from an attack's first event to its first detection, in seconds.</summary>
    public required double MaxSecondsToDetect { get; init; }

    /// <summary>Slowest time from an attack's first event to its containment, in seconds.</summary>
    public required double MaxSecondsToContain { get; init; }

    /// <summary>Mean time from an attack's first event to its containment, in seconds.</summary>
    public required double MeanSecondsToContain { get; init; }

    /// <summary>Incidents raised on benign traffic only.</summary>
    public required int FalsePositiveIncidents { get; init; }

    /// <summary>False-positive incidents per simulated day.</summary>
    public double FalsePositivesPerDay => Days == 0 ? 0 : (double)FalsePositiveIncidents / Days;

    /// <summary>Actor filters applied on benign traffic.</summary>
    public required int FalseFilters { get; init; }

    /// <summary>Interconnect isolations without an attack behind them.</summary>
    public required int FalseIsolations { get; init; }

    /// <summary>Isolations in total.</summary>
    public required int Isolations { get; init; }

    /// <summary>Largest customer traffic (Mbit/s) left without a path at any time.</summary>
    public required double CustomerTrafficLost { get; init; }

    /// <summary>Attack events that arrived after containment and were blocked.</summary>
    public required int BlockedAttackEvents { get; init; }

    /// <summary>Attack events that arrived after containment and still got through.</summary>
    public required int LeakedAttackEvents { get; init; }

    /// <summary>Telemetry lines rejected as malformed or hostile.</summary>
    public required long RejectedLines { get; init; }

    /// <summary>Per-attack outcome.</summary>
    public required IReadOnlyList<AttackOutcome> Outcomes { get; init; }
}

/// <summary>What happened to one injected attack.</summary>
/// <param name="Attack">The attack.</param>
/// <param name="SecondsToDetect">Seconds to first detection, or null if undetected.</param>
/// <param name="SecondsToContain">Seconds to containment, or null if not contained.</param>
/// <param name="Response">The strongest response taken.</param>
/// <param name="Rules">Rules that fired on it.</param>
public sealed record AttackOutcome(InjectedAttack Attack, double? SecondsToDetect, double? SecondsToContain, string Response, IReadOnlyList<string> Rules);
