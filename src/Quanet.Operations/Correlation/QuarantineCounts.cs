namespace Quanet.Operations.Correlation;

/// <summary>Events the correlator refused before ingestion (see <see cref="AlarmCorrelator.Admit"/>), in total and by reason.</summary>
/// <param name="Total">Events quarantined.</param>
/// <param name="Reasons">
/// Count per reason, for the reasons that occurred: <c>ahead_of_stream</c> (event time more than the clock skew after the
/// stream's watermark), <c>behind_stream</c> (last event time more than the clock skew before it), <c>duplicate_event</c>
/// (the same source, eventId and sequence as an admitted event).
/// </param>
public sealed record QuarantineCounts(long Total, IReadOnlyDictionary<string, long> Reasons);
