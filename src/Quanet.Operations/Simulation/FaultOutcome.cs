namespace Quanet.Operations.Simulation;

/// <summary>What happened to one injected fault under the baseline NOC and under Quanet.</summary>
public sealed record FaultOutcome
{
    /// <summary>Fault id.</summary>
    public required int Id { get; init; }

    /// <summary>Fault kind.</summary>
    public required string Kind { get; init; }

    /// <summary>True root cause.</summary>
    public required string RootCause { get; init; }

    /// <summary>Hidden detail (e.g. crash loop).</summary>
    public string Detail { get; init; } = "";

    /// <summary>Alarms it raised that reached the engine.</summary>
    public int Alarms { get; init; }

    /// <summary>How many incidents its alarms ended up in (1 is ideal).</summary>
    public int IncidentCount { get; init; }

    /// <summary>The incident holding most of its alarms, or null.</summary>
    public long? IncidentId { get; init; }

    /// <summary>What that incident diagnosed (type:root).</summary>
    public string? Diagnosis { get; init; }

    /// <summary>Whether the diagnosis matches the ground truth.</summary>
    public bool Correct { get; init; }

    /// <summary>How Quanet fixed it (remote runbook, field visit, fallback...).</summary>
    public string QuanetPath { get; init; } = "";

    /// <summary>Baseline time to repair, minutes.</summary>
    public double BaselineMinutes { get; init; }

    /// <summary>Quanet time to repair, minutes.</summary>
    public double QuanetMinutes { get; init; }

    /// <summary>Baseline field visits.</summary>
    public int BaselineVisits { get; init; }

    /// <summary>Quanet field visits.</summary>
    public int QuanetVisits { get; init; }

    /// <summary>Baseline configuration effort, engineer minutes.</summary>
    public double BaselineConfigMinutes { get; init; }

    /// <summary>Quanet configuration effort, engineer minutes.</summary>
    public double QuanetConfigMinutes { get; init; }
}
