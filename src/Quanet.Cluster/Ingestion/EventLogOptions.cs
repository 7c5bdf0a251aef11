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

    /// <summary>How long a publish waits for the replicated write's acknowledgement before the log counts as unavailable.</summary>
    /// <value>5 seconds.</value>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Events a publisher keeps in flight (published, acknowledgement pending) at once.</summary>
    /// <value>4,096.</value>
    public int MaxInFlight { get; init; } = 4096;

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

        if (MaxInFlight < 1)
        {
            problems.Add("at least one event must be allowed in flight");
        }

        return problems;
    }
}
