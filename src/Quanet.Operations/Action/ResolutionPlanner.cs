using Quanet.Operations.Correlation;
using Quanet.Operations.Inventory;

namespace Quanet.Operations.Action;

/// <summary>
/// Decides per incident whether to fix remotely (and with which runbook) or to dispatch a field
/// visit, and says why. Physical faults (cut fibre, dead power, antenna path) need a visit; software,
/// configuration and capacity faults are tried remotely first and escalate when verification fails.
/// </summary>
public sealed class ResolutionPlanner(RunbookCatalog runbooks, DependencyGraph graph)
{
    /// <summary>The incident type's runbook key (snake_case).</summary>
    public static string TypeName(IncidentType type) => type switch
    {
        IncidentType.FibreCut => "fibre_cut",
        IncidentType.PowerLoss => "power_loss",
        IncidentType.DuSoftwareCrash => "du_software_crash",
        IncidentType.Misconfiguration => "misconfiguration",
        IncidentType.Congestion => "congestion",
        IncidentType.KpiDegradation => "kpi_degradation",
        _ => "unclassified",
    };

    /// <summary>Decides how to fix <paramref name="incident"/>.</summary>
    public ResolutionDecision Decide(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var runbook = runbooks.For(TypeName(incident.Type))?.Name;
        switch (incident.Type)
        {
            case IncidentType.FibreCut:
                var link = graph.Inventory.FindLink(incident.RootCause);
                var isolated = graph.IsolatedByLink(incident.RootCause).Count;
                return new ResolutionDecision(true, null, link is null ? incident.RootCause : $"{link.Id} ({link.From} - {link.To})",
                    $"a cut fibre needs splicing on site; no remote action restores it; {isolated} sites are cut off");
            case IncidentType.PowerLoss:
                return new ResolutionDecision(true, null, incident.RootCause,
                    "site power must be restored on site (generator or mains repair); elements cannot be reached remotely");
            case IncidentType.KpiDegradation when incident.Alarms.Exists(a => a.Condition == AlarmConditions.VswrHigh):
                return new ResolutionDecision(true, null, Site(incident.RootCause),
                    "VSWR alarm: antenna or feeder fault in hardware, a reset cannot fix it");
            case IncidentType.DuSoftwareCrash:
            case IncidentType.Misconfiguration:
            case IncidentType.Congestion:
            case IncidentType.KpiDegradation:
                return runbook is null
                    ? new ResolutionDecision(false, null, null, "no runbook for this incident type; left to the NOC")
                    : new ResolutionDecision(false, runbook, null, incident.Type switch
                    {
                        IncidentType.DuSoftwareCrash => "the site router answers, so the site has power and transport; a software restart is tried first",
                        IncidentType.Misconfiguration => "a configuration change preceded the degradation; restoring the previous configuration is remote",
                        IncidentType.Congestion => "capacity can be added remotely by activating a carrier",
                        _ => "no hardware alarm; a cell reset is tried first, a visit follows only if KPIs stay bad",
                    });
            default:
                return new ResolutionDecision(false, null, null, "no known fault pattern; no automatic action, the NOC reviews it");
        }
    }

    private string Site(string elementId) => graph.Inventory.FindElement(elementId)?.SiteId ?? elementId;
}
