namespace Quanet.Operations.Ingestion;

/// <summary>
/// What identifies one alarm for deduplication: the alarmed object (VES <c>sourceName</c> plus
/// <c>alarmInterfaceA</c>, which names the interface inside it) and the alarm condition.
/// </summary>
/// <param name="Source">VES sourceName.</param>
/// <param name="Condition">VES alarmCondition.</param>
/// <param name="Interface">VES alarmInterfaceA, or empty.</param>
public readonly record struct AlarmKey(string Source, string Condition, string Interface);
