using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Quanet.Cluster.Ingestion;

/// <summary>
/// The durable ingestion log: the JetStream stream <see cref="ClusterNames.EventStream"/> (subjects
/// <c>quanet.ves.&gt;</c>, file storage, <see cref="EventLogOptions.Replicas"/> copies, a duplicate window keyed by
/// each event's <c>Nats-Msg-Id</c>) on a cluster of NATS servers. A publish returns only once JetStream acknowledged
/// the replicated write of every event, so what a collector acknowledges to a sender is on a quorum of disks' page
/// caches of distinct servers.
/// </summary>
public sealed partial class JetStreamEventLog : IAsyncDisposable
{
    private readonly NatsConnection _connection;
    private readonly SemaphoreSlim _inFlight;

    private JetStreamEventLog(EventLogOptions options, NatsConnection connection)
    {
        Options = options;
        _connection = connection;
        _inFlight = new SemaphoreSlim(options.MaxInFlight, options.MaxInFlight);
        JetStream = new NatsJSContext(connection);
        // not under the connection's _INBOX prefix, whose messages the client routes to its own request-reply handling
        _inbox = "_QUANET_ACK." + Guid.NewGuid().ToString("N");
    }

    /// <summary>The options this log was opened with.</summary>
    public EventLogOptions Options { get; }

    internal NatsJSContext JetStream { get; }

    /// <summary>
    /// Connects to the cluster's servers and creates the stream, or updates its settings when it exists.
    /// </summary>
    /// <exception cref="ArgumentException">The options have problems (<see cref="EventLogOptions.Problems"/>).</exception>
    /// <exception cref="EventLogUnavailableException">No server answered, or JetStream could not create the stream.</exception>
    public static async Task<JetStreamEventLog> OpenAsync(EventLogOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        var opts = NatsOpts.Default with
        {
            Url = string.Join(',', options.Urls),
            Name = "quanet-ingest",
            AuthOpts = options.User is null ? NatsAuthOpts.Default : NatsAuthOpts.Default with { Username = options.User, Password = options.Password },
            // JetStream API calls (stream and consumer management) keep their 5 s: only publishing rides out an election
            ConnectTimeout = ApiTimeout(options),
            RequestTimeout = ApiTimeout(options),
            MaxReconnectRetry = -1,
            ReconnectWaitMin = TimeSpan.FromMilliseconds(100),
            ReconnectWaitMax = TimeSpan.FromSeconds(1),
            RetryOnInitialConnect = false,
        };
        var connection = new NatsConnection(opts);
        var log = new JetStreamEventLog(options, connection);
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(ApiTimeout(options), cancellationToken).ConfigureAwait(false);
            await log.EnsureStreamAsync(cancellationToken).ConfigureAwait(false);
            await log.StartAckReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NatsException or TimeoutException)
        {
            await log.DisposeAsync().ConfigureAwait(false);
            throw new EventLogUnavailableException($"the ingestion log at {string.Join(',', options.Urls)} is unavailable: {ex.Message}", ex);
        }

        return log;
    }

    // connecting and JetStream API requests: the publish budget, at most 5 s
    private static TimeSpan ApiTimeout(EventLogOptions options) => options.AckTimeout < TimeSpan.FromSeconds(5) ? options.AckTimeout : TimeSpan.FromSeconds(5);

    /// <summary>The stream's configuration for <paramref name="options"/>.</summary>
    internal static StreamConfig StreamConfig(EventLogOptions options) => new(ClusterNames.EventStream, [ClusterNames.EventSubjectPrefix + ">"])
    {
        Storage = StreamConfigStorage.File,
        NumReplicas = options.Replicas,
        DuplicateWindow = options.DuplicateWindow,
        Retention = StreamConfigRetention.Limits,
        Discard = StreamConfigDiscard.Old,
        MaxAge = options.Retention,
    };

    /// <summary>Stream state: events stored, first and last sequence, and the servers holding a copy.</summary>
    public async Task<EventLogState> StateAsync(CancellationToken cancellationToken)
    {
        var stream = await JetStream.GetStreamAsync(ClusterNames.EventStream, cancellationToken: cancellationToken).ConfigureAwait(false);
        var info = stream.Info;
        var replicas = new List<string>();
        if (info.Cluster?.Leader is { } leader)
        {
            replicas.Add(leader);
        }

        foreach (var peer in info.Cluster?.Replicas ?? [])
        {
            replicas.Add(peer.Name + (peer.Current ? "" : " (catching up)"));
        }

        return new EventLogState((long)info.State.Messages, info.State.FirstSeq, info.State.LastSeq, info.Config.NumReplicas, replicas);
    }

    /// <summary>Closes the connection to the servers.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_acks is not null)
        {
            await _acks.DisposeAsync().ConfigureAwait(false);
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
        if (_ackReader is not null)
        {
            await _ackReader.ConfigureAwait(false);
        }

        _inFlight.Dispose();
    }

    private async Task EnsureStreamAsync(CancellationToken cancellationToken)
    {
        // long enough for a meta leader's election (4 to 9 s after a kill -9): a silo restarted while one runs must not give up
        var deadline = DateTime.UtcNow + ApiTimeout(Options) + (Options.AckTimeout > ApiTimeout(Options) ? Options.AckTimeout : ApiTimeout(Options));
        while (true)
        {
            try
            {
                await JetStream.CreateOrUpdateStreamAsync(StreamConfig(Options), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (NatsException ex) when (ex is NatsJSApiException { Error.Code: 503 } or NatsJSApiNoResponseException or NatsNoRespondersException
                && DateTime.UtcNow < deadline)
            {
                // JetStream is electing a meta leader (a cluster just started, or lost its leader), or a loaded
                // machine answered late: ask again
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
