namespace Quanet.Operations.Simulation;

/// <summary>An alarm the simulated network's state calls for.</summary>
/// <param name="Condition">Alarm condition.</param>
/// <param name="Source">Alarmed element.</param>
/// <param name="Interface">Interface (link id) or empty.</param>
/// <param name="Reporter">Reporting element id, or <c>ems</c>.</param>
/// <param name="Domain">fault or thresholdCrossingAlert.</param>
/// <param name="Severity">VES severity text.</param>
public sealed record DesiredAlarm(string Condition, string Source, string Interface, string Reporter, string Domain, Ingestion.VesSeverity Severity)
{
    /// <summary>The observation key.</summary>
    public string Key => Correlation.AlarmConditions.Key(Condition, Source, Interface);
}
