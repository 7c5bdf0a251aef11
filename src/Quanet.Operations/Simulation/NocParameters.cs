namespace Quanet.Operations.Simulation;

/// <summary>
/// Documented parameters of the human side of the NOC, used identically for the baseline and for
/// Quanet's human fallback (assumptions of typical NOC practice, not measurements).
/// </summary>
public sealed record NocParameters
{
    /// <summary>Minutes to read, acknowledge and classify one ticket (baseline: every alarm is a ticket).</summary>
    public double TriageMinutesPerTicket { get; init; } = 2;

    /// <summary>NOC operators working tickets in parallel.</summary>
    public int Operators { get; init; } = 3;

    /// <summary>Minutes from deciding a visit to a technician on the road.</summary>
    public double DispatchMinutes { get; init; } = 30;

    /// <summary>Technician driving speed from the depot at the core site, along the route distance, km/h.</summary>
    public double TravelSpeedKmh { get; init; } = 40;

    /// <summary>Minutes for an engineer to fix by hand remotely (log in, restart, revert).</summary>
    public double ManualRemoteFixMinutes { get; init; } = 20;

    /// <summary>Engineer minutes per manual configuration change (method of procedure, peer review, execution, check).</summary>
    public double ManualChangeMinutes { get; init; } = 30;

    /// <summary>Minutes lost when a diagnosis turns out wrong (wasted action noticed, re-diagnosis starts).</summary>
    public double RediagnosisMinutes { get; init; } = 60;

    /// <summary>Minutes a technician spends at a site where nothing is wrong.</summary>
    public double WastedVisitMinutes { get; init; } = 30;

    /// <summary>Baseline: at most this many down cell sites get a check visit before a fibre cut is located.</summary>
    public int BaselineSiteChecksPerCut { get; init; } = 3;
}
