namespace Quanet.Cluster.Chaos;

/// <summary>How the chaos benchmark runs: the storm, the senders, and what it kills.</summary>
public sealed record ChaosOptions
{
    /// <summary>Seeds the storm (the simulator) and the kills (which process, at which point).</summary>
    public required int Seed { get; init; }

    /// <summary>The storm's size in events: the simulation runs long enough for this many, and is cut there.</summary>
    /// <value>20,000.</value>
    public int Events { get; init; } = 20_000;

    /// <summary>What to kill, each once, at a different point of the run.</summary>
    /// <value>silo, nats, collector.</value>
    public IReadOnlyList<ChaosKind> Kills { get; init; } = [ChaosKind.Silo, ChaosKind.Nats, ChaosKind.Collector];

    /// <summary>Concurrent VES senders; each owns a share of the regions and sends its events in order.</summary>
    /// <value>4.</value>
    public int Senders { get; init; } = 4;

    /// <summary>
    /// The senders' step through the storm's event time: they move through it together, each sending its events of a
    /// step, and the next step starts when every sender's requests of this one were acknowledged. A live network's
    /// sources report as things happen, so no sender runs hours of event time ahead of another; replayed at full speed
    /// without steps, a region's own events and its neighbours' hub events (sent by other senders) would arrive hours
    /// apart. Keep it under the correlator's settle time (180 s).
    /// </summary>
    /// <value>60 seconds of event time.</value>
    public TimeSpan Step { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Events per VES <c>eventBatch</c> request.</summary>
    /// <value>200.</value>
    public int BatchEvents { get; init; } = 200;

    /// <summary>How long a killed process stays dead before it is started again.</summary>
    /// <value>2 seconds.</value>
    public TimeSpan DownTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the wait for every acknowledged event to be applied may go without progress before it gives up.</summary>
    /// <value>90 seconds.</value>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>The API key name the senders authenticate with (HTTP Basic).</summary>
    public required string KeyName { get; init; }

    /// <summary>The API key's secret.</summary>
    public required string KeySecret { get; init; }

    /// <summary>Every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Events is < 100 or > 10_000_000)
        {
            problems.Add($"events must be 100 to 10000000, not {Events}");
        }

        if (Senders is < 1 or > 64)
        {
            problems.Add($"senders must be 1 to 64, not {Senders}");
        }

        if (BatchEvents is < 1 or > 10_000)
        {
            problems.Add($"events per request must be 1 to 10000, not {BatchEvents}");
        }

        if (Step <= TimeSpan.Zero)
        {
            problems.Add($"the senders' step must be positive, not {Step.TotalSeconds} s");
        }

        if (Kills.Distinct().Count() != Kills.Count)
        {
            problems.Add("each kind is killed at most once");
        }

        return problems;
    }
}
