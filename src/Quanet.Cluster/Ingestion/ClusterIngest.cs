using Quanet.Operations.Ingestion;

namespace Quanet.Cluster.Ingestion;

/// <summary>
/// What a stateless VES collector does with a request body: validate it with <see cref="VesParser"/> (a batch is
/// accepted or refused whole), and append every event to the ingestion log under its region, returning once the log
/// acknowledged them all. The collector holds no state of its own, so any number of them can run side by side.
/// </summary>
public sealed class ClusterIngest
{
    private readonly JetStreamEventLog _log;
    private readonly TopologyRegions _regions;

    /// <summary>An ingest into <paramref name="log"/> with <paramref name="regions"/>.</summary>
    public ClusterIngest(JetStreamEventLog log, TopologyRegions regions)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(regions);
        _log = log;
        _regions = regions;
    }

    /// <summary>Validates <paramref name="body"/> and appends its events to the log.</summary>
    /// <param name="body">A VES request body: <c>{"event":...}</c> or <c>{"eventList":[...]}</c>.</param>
    /// <param name="batchOnly">The eventBatch resource: the body must be an <c>eventList</c>.</param>
    /// <param name="cancellationToken">Cancels the wait for acknowledgements (the events may be stored).</param>
    /// <exception cref="VesValidationException">The body or one of its events is invalid; nothing was appended.</exception>
    /// <exception cref="EventLogUnavailableException">The log did not acknowledge every event in time.</exception>
    public async Task<PublishReceipt> IngestAsync(ReadOnlyMemory<byte> body, bool batchOnly, CancellationToken cancellationToken)
    {
        var spans = new List<Range>();
        var events = VesParser.ParseBody(body.Span, spans);
        if (batchOnly && body.Span.IndexOf("\"eventList\""u8) < 0)
        {
            throw new VesValidationException("$", "the eventBatch resource expects 'eventList'");
        }

        return await _log.PublishAsync(VesLogEntries.From(events, _regions, body, spans), cancellationToken).ConfigureAwait(false);
    }
}
