using Quanet.Operations.Correlation;

namespace Quanet.Operations.Simulation;

/// <summary>Ground truth of one injected fault (kept by the simulator; the engine never sees it).</summary>
public sealed class InjectedFault
{
    /// <summary>Fault id.</summary>
    public required int Id { get; init; }

    /// <summary>Scenario kind, e.g. <c>fibre_cut</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The incident type a correct diagnosis gives.</summary>
    public required IncidentType ExpectedType { get; init; }

    /// <summary>The true root cause (link, site or element id).</summary>
    public required string RootCause { get; init; }

    /// <summary>Site where a technician must go.</summary>
    public required string Site { get; init; }

    /// <summary>When it started (microseconds since 1970).</summary>
    public required long StartMicros { get; init; }

    /// <summary>Hidden detail: what a remote action can or cannot fix (e.g. crash loop, hardware VSWR).</summary>
    public string Detail { get; init; } = "";

    /// <summary>Whether only a field visit fixes it (hardware), regardless of what is tried remotely.</summary>
    public bool NeedsFieldRepair { get; init; }

    /// <summary>When it was repaired, or null.</summary>
    public long? RepairedMicros { get; set; }
}
