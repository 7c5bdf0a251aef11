namespace Quanet.Cluster.Ingestion;

/// <summary>How to reach the ingestion log and how its stream is kept; validated by <see cref="Problems"/>.</summary>
public sealed record EventLogOptions
{
    /// <summary>The NATS servers of the JetStream cluster (<c>nats://host:port</c>); a client fails over between them.</summary>
    public required IReadOnlyList<string> Urls { get; init; }

    /// <summary>Copies of every event the stream keeps on distinct servers.</summary>
    /// <value>3: one server may die and the stream still has a quorum of two to acknowledge writes.</value>
    public int Replicas { get; init; } = 3;

    /// <summary>How long JetStream remembers a message ID, so a sender's retry within it is stored once.</summary>
    /// <value>2 minutes (JetStream's default).</value>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the stream keeps an event (older ones are dropped to make room).</summary>
    /// <value>7 days: enough to rebuild a region's state after any outage the cluster should ride out.</value>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a publish keeps trying to get the replicated write acknowledged before the log counts as unavailable
    /// (the collector then answers 503). It must outlast a JetStream leader election: after a kill -9 of the stream's
    /// leader the followers wait 4 to 9 s (nats-server's Raft election timeout) before one campaigns, and no write is
    /// acknowledged in between. A campaign that fails (the candidate's log is behind the other survivor's, which is
    /// likely when the leader died with writes in flight) waits out another 4 to 9 s, so two rounds take up to 18 s.
    /// </summary>
    /// <value>25 seconds: two election rounds and a margin for a loaded machine.</value>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// How long one attempt of a publish waits for its acknowledgements before the events not yet acknowledged are
    /// sent again with the same <c>Nats-Msg-Id</c> (the duplicate window stores each once; an acknowledgement of the
    /// attempt before still counts). A write sent to a leader that died, or while the stream has no leader, is never
    /// answered, so this bounds how long after a new leader's election a publish goes through.
    /// </summary>
    /// <value>0.5 seconds.</value>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Events a publisher keeps in flight (published, acknowledgement pending) at once.</summary>
    /// <value>4,096.</value>
    public int MaxInFlight { get; init; } = 4096;

    /// <summary>
    /// Most events of one region and one publish call carried by one JetStream message. 1 (the default): a message per
    /// event, each with its own <c>Nats-Msg-Id</c>. More: consecutive events of a region travel as one message (one
    /// stream sequence, one replicated write, one acknowledgement), which is what JetStream's per-message cost asks
    /// for at high rates; the message ID then covers the bundle (a sender's retry of the same request is deduplicated,
    /// an event re-sent in another grouping is not: the processor's own duplicate check by source, event ID and
    /// sequence remains). Consumers see the events one by one either way, those of a bundle with the same sequence.
    /// </summary>
    /// <value>1.</value>
    public int BundleSize { get; init; } = 1;

    /// <summary>
    /// Compress each bundle of more than one event (zlib, fastest level; header <c>Quanet-Encoding: zlib</c>).
    /// VES JSON of one region compresses about 8 to 1, and a 3-replica stream's servers spend their CPU mostly per
    /// byte once events are bundled, so this cuts their work several times for about 1.3 us of publisher CPU per event.
    /// Single-event messages are never compressed.
    /// </summary>
    /// <value>true.</value>
    public bool CompressBundles { get; init; } = true;

    /// <summary>User name for the NATS servers, or null when they do not require one.</summary>
    public string? User { get; init; }

    /// <summary>Password of <see cref="User"/>.</summary>
    public string? Password { get; init; }

    /// <summary>Every problem of these options, in host-neutral words; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Urls is null || Urls.Count == 0)
        {
            problems.Add("at least one NATS server URL is needed");
        }
        else
        {
            foreach (var url in Urls)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "nats" && uri.Scheme != "tls") || uri.Port <= 0)
                {
                    problems.Add($"'{Quanet.Core.Text.Printable.Escape(url)}' is not a NATS URL (nats://host:port or tls://host:port)");
                }
            }
        }

        if (Replicas is < 1 or > 5)
        {
            problems.Add($"replicas must be 1 to 5 (JetStream's limit), not {Replicas}");
        }

        if (DuplicateWindow <= TimeSpan.Zero)
        {
            problems.Add("the duplicate window must be positive");
        }

        if (Retention <= DuplicateWindow)
        {
            problems.Add("the retention must be longer than the duplicate window");
        }

        if (AckTimeout <= TimeSpan.Zero)
        {
            problems.Add("the acknowledgement timeout must be positive");
        }

        if (AttemptTimeout <= TimeSpan.Zero)
        {
            problems.Add("the publish attempt timeout must be positive");
        }

        if (BundleSize is < 1 or > 10_000)
        {
            problems.Add($"a bundle holds 1 to 10,000 events, not {BundleSize}");
        }

        if (MaxInFlight < 1)
        {
            problems.Add("at least one event must be allowed in flight");
        }

        return problems;
    }
}
