namespace Quanet.Operations.Ingestion;

/// <summary>One parsed NDJSON line: its events, or the reason it was rejected.</summary>
/// <param name="Number">1-based line number.</param>
/// <param name="Events">The events (empty when rejected).</param>
/// <param name="Error">Why the line was rejected, or null.</param>
public readonly record struct NdjsonLine(int Number, IReadOnlyList<VesEvent> Events, string? Error);
