namespace Quanet.Operations.Ingestion;

/// <summary>What one committed batch did.</summary>
/// <param name="Accepted">Events stored.</param>
/// <param name="Raised">New alarms.</param>
/// <param name="Updated">Repeats folded into active alarms.</param>
/// <param name="Cleared">Alarms cleared.</param>
public readonly record struct IngestResult(int Accepted, int Raised, int Updated, int Cleared);
