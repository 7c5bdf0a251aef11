using System.Net;

namespace Quanet.Cluster.Local;

/// <summary>What <see cref="LocalCluster"/> starts: how many of each process, where its data goes, and the programs.</summary>
public sealed record LocalClusterOptions
{
    /// <summary>The cluster's folder: <c>nats/</c>, <c>postgres/</c>, <c>logs/</c>, <c>inventory.json</c>, <c>cluster.json</c>.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>How to start <c>quanet</c> (silos and collectors are <c>quanet ops silo</c> / <c>ops collector</c> processes).</summary>
    public required QuanetCommand Quanet { get; init; }

    /// <summary>The nats-server program (<see cref="NatsServerProgram.Find"/>).</summary>
    public required string NatsServer { get; init; }

    /// <summary>The PostgreSQL programs (<see cref="PostgresPrograms.Find"/>).</summary>
    public required PostgresPrograms Postgres { get; init; }

    /// <summary>The API key file the collectors check senders against (<c>DATA/server.db</c> of <c>quanet serve keys</c>).</summary>
    public required string CredentialsPath { get; init; }

    /// <summary>Silo processes (1 to 9).</summary>
    /// <value>3.</value>
    public int Silos { get; init; } = 3;

    /// <summary>nats-server processes of the JetStream cluster (1 to 9; the stream's replicas are min(3, this)).</summary>
    /// <value>3.</value>
    public int NatsNodes { get; init; } = 3;

    /// <summary>Collector processes (1 to 9); the first listens on <see cref="CollectorListen"/>, the others on free ports.</summary>
    /// <value>1.</value>
    public int Collectors { get; init; } = 1;

    /// <summary>The collectors' bundles: up to this many events of one region and one request per JetStream message (1 to 10000; 1: one message per event).</summary>
    /// <value>1.</value>
    public int Bundle { get; init; } = 1;

    /// <summary>
    /// The silos' CPU priority as a nice value (0 to 19; 0: the same as every other process). On one machine that every
    /// tier shares, a positive value lets the ingestion path (collectors and nats-server, whose replicated write the
    /// sender waits for) take the cores first, while the silos consume what the log holds with the cores left over.
    /// </summary>
    /// <value>0.</value>
    public int SiloNice { get; init; }

    /// <summary>Where the first collector listens (loopback; port 0: a free port).</summary>
    /// <value>127.0.0.1:0.</value>
    public IPEndPoint CollectorListen { get; init; } = new(IPAddress.Loopback, 0);

    /// <summary>Longest wait for one process to be ready.</summary>
    /// <value>120 seconds (a silo's first start on a busy machine).</value>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The replicas of the event stream: 3, or the node count when fewer.</summary>
    public int Replicas => Math.Min(3, NatsNodes);

    /// <summary>Every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Silos is < 1 or > 9)
        {
            problems.Add($"silos must be 1 to 9, not {Silos}");
        }

        if (Bundle is < 1 or > 10_000)
        {
            problems.Add($"bundle must be 1 to 10000 events, not {Bundle}");
        }

        if (SiloNice is < 0 or > 19)
        {
            problems.Add($"silo nice value must be 0 to 19, not {SiloNice}");
        }

        if (NatsNodes is < 1 or > 9)
        {
            problems.Add($"NATS nodes must be 1 to 9, not {NatsNodes}");
        }

        if (Collectors is < 1 or > 9)
        {
            problems.Add($"collectors must be 1 to 9, not {Collectors}");
        }

        if (!IPAddress.IsLoopback(CollectorListen.Address))
        {
            problems.Add($"a local cluster's collector listens on loopback only, not {CollectorListen}");
        }

        return problems;
    }
}
