namespace Quanet.Operations.Simulation;

/// <summary>The measured outcome of a simulation run.</summary>
public sealed record SimulationReport
{
    /// <summary>Simulated hours.</summary>
    public double Hours { get; init; }

    /// <summary>Seed.</summary>
    public int Seed { get; init; }

    /// <summary>Where the topology came from.</summary>
    public string Topology { get; init; } = "";

    /// <summary>Cell sites.</summary>
    public int Sites { get; init; }

    /// <summary>Managed elements.</summary>
    public int Elements { get; init; }

    /// <summary>VES events ingested (faults, threshold crossings, measurements, notifications).</summary>
    public long Events { get; init; }

    /// <summary>Alarms raised (distinct alarm records after deduplication).</summary>
    public long Alarms { get; init; }

    /// <summary>Incidents opened (including unclassified ones).</summary>
    public int Incidents { get; init; }

    /// <summary>Unexplained warnings kept as notices, not incidents.</summary>
    public int Notices { get; init; }

    /// <summary>Incidents per type.</summary>
    public IReadOnlyDictionary<string, int> IncidentsByType { get; init; } = new Dictionary<string, int>();

    /// <summary>Alarms left in unclassified incidents, per condition.</summary>
    public IReadOnlyDictionary<string, int> UnclassifiedAlarms { get; init; } = new Dictionary<string, int>();

    /// <summary>Alarms dropped as transients (cleared within the settle time).</summary>
    public int SuppressedTransients { get; init; }

    /// <summary>1 - incidents / alarms.</summary>
    public double AlarmCompression { get; init; }

    /// <summary>Share of detected faults whose incident names the true type and root cause.</summary>
    public double RootCauseAccuracy { get; init; }

    /// <summary>Injected faults.</summary>
    public int Faults { get; init; }

    /// <summary>Faults that raised at least one delivered alarm.</summary>
    public int FaultsDetected { get; init; }

    /// <summary>Mean time to repair over injected faults, minutes.</summary>
    public required Comparison MttrMinutes { get; init; }

    /// <summary>Field visits.</summary>
    public required Comparison FieldVisits { get; init; }

    /// <summary>Engineer minutes spent on configuration changes.</summary>
    public required Comparison ConfigurationEffortMinutes { get; init; }

    /// <summary>Tickets the NOC handles (baseline: alarms; Quanet: incidents).</summary>
    public required Comparison NocTickets { get; init; }

    /// <summary>Runbook runs and how they ended.</summary>
    public IReadOnlyDictionary<string, int> RunbookOutcomes { get; init; } = new Dictionary<string, int>();

    /// <summary>Per-fault outcomes.</summary>
    public IReadOnlyList<FaultOutcome> FaultOutcomes { get; init; } = [];

    /// <summary>The human NOC parameters used.</summary>
    public NocParameters Parameters { get; init; } = new();
}
