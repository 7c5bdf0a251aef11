namespace Quanet.Operations.Correlation;

/// <summary>What an incident's root cause is.</summary>
public enum IncidentType
{
    /// <summary>A transport link is cut (root cause: the link).</summary>
    FibreCut,

    /// <summary>A site lost power (root cause: the site).</summary>
    PowerLoss,

    /// <summary>An O-DU's software crashed (root cause: the DU).</summary>
    DuSoftwareCrash,

    /// <summary>A configuration change broke a DU's cells (root cause: the DU).</summary>
    Misconfiguration,

    /// <summary>A cell runs out of capacity (root cause: the RU/cell).</summary>
    Congestion,

    /// <summary>A cell's radio KPIs degraded without a configuration change (root cause: the RU/cell).</summary>
    KpiDegradation,

    /// <summary>Alarms no known fault pattern explains, grouped per element.</summary>
    Unclassified,
}
