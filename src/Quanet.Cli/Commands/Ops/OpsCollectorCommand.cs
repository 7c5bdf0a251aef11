using System.CommandLine;
using System.Net;
using Quanet.Cli.Infrastructure;
using Quanet.Cluster;
using Quanet.Cluster.Ingestion;
using Quanet.Server.Collector;

namespace Quanet.Cli.Commands.Ops;

/// <summary>
/// <c>quanet ops collector</c>: a stateless VES collector of the operations cluster until Ctrl+C. Senders authenticate
/// with the keys of <c>quanet serve</c>; every accepted event goes to the JetStream ingestion log before the 202.
/// </summary>
internal static class OpsCollectorCommand
{
    public static Command Create()
    {
        var nats = new Option<string>("--nats")
        {
            Description = "NATS servers of the JetStream cluster, comma-separated (nats://host:port[,...])",
            Required = true,
        }.Must(v => Urls(v).Count > 0 && new EventLogOptions { Urls = Urls(v) }.Problems().Count == 0, "must be nats://HOST:PORT or tls://HOST:PORT, comma-separated");
        var inventory = new Option<FileInfo>("--inventory") { Description = "Network inventory (JSON) whose topology regions partition the log", Required = true }
            .Must(f => f is not null && f.Exists, "must be an existing file");
        var listen = new Option<string>("--listen")
        {
            Description = "ADDRESS:PORT to listen on (port 0: any free port; plain HTTP on loopback only)",
            DefaultValueFactory = _ => "127.0.0.1:8090",
        }.Must(v => IPEndPoint.TryParse(v ?? "", out var e) && (v ?? "").Contains(':', StringComparison.Ordinal) && e.Port is >= 0 and <= 65535, "must be ADDRESS:PORT such as 127.0.0.1:8090");
        var credentials = new Option<FileInfo>("--credentials")
        {
            Description = "API key file of `quanet serve` (DATA/server.db; `quanet serve keys add NAME --role operator`): senders use HTTP Basic NAME:SECRET or Bearer SECRET",
            Required = true,
        }.Must(f => f is not null && f.Exists, "must be an existing file");
        var replicas = new Option<int>("--replicas") { Description = "Copies of each event on distinct NATS servers (1 to 5, default 3)", DefaultValueFactory = _ => 3 }
            .Must(r => r is >= 1 and <= 5, "must be 1 to 5");
        var ackTimeout = new Option<double>("--ack-timeout")
        {
            Description = "Seconds to keep retrying a write (same message ID) until the log acknowledges it before answering 503 (default 25: outlasts two JetStream leader election rounds)",
            DefaultValueFactory = _ => 25,
        }
            .MustBePositive();
        var bundle = new Option<int>("--bundle")
        {
            Description = "Events of one region and request per JetStream message (1 to 10000; default 1: one message, one Nats-Msg-Id per event; docs/operations-cluster.md)",
            DefaultValueFactory = _ => 1,
        }.Must(b => b is >= 1 and <= 10_000, "must be 1 to 10000");
        var natsUser = new Option<string?>("--nats-user") { Description = "User name for the NATS servers' authorization block" };
        var natsPasswordEnv = new Option<string?>("--nats-password-env")
        {
            Description = "Name of the environment variable holding the NATS password (kept off the command line)",
        }.Check(r => r.GetValue<string?>("--nats-password-env") is { } name && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name))
            ? $"--nats-password-env: the environment variable {name} is not set" : null);
        var cert = new Option<FileInfo?>("--tls-cert") { Description = "PEM certificate (chain) for HTTPS" }.Must(f => f is null || f.Exists, "must be an existing file");
        var key = new Option<FileInfo?>("--tls-key") { Description = "PEM private key of --tls-cert" }.Must(f => f is null || f.Exists, "must be an existing file");
        var command = new Command("collector", "Run a stateless VES collector of the operations cluster: VES 7 in, each event on the replicated JetStream log before 202");
        foreach (var o in new Option[] { nats, inventory, listen, credentials, replicas, ackTimeout, bundle, natsUser, natsPasswordEnv, cert, key })
        {
            command.Options.Add(o);
        }

        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var options = new CollectorOptions
            {
                Listen = IPEndPoint.Parse(ctx.Get(listen)!),
                CredentialsPath = ctx.Get(credentials)!.FullName,
                InventoryPath = ctx.Get(inventory)!.FullName,
                Log = new EventLogOptions
                {
                    Urls = Urls(ctx.Get(nats)),
                    Replicas = ctx.Get(replicas),
                    AckTimeout = TimeSpan.FromSeconds(ctx.Get(ackTimeout)),
                    BundleSize = ctx.Get(bundle),
                    User = ctx.Get(natsUser),
                    Password = ctx.Get(natsPasswordEnv) is { } name ? Environment.GetEnvironmentVariable(name) : null,
                },
                TlsCertificatePath = ctx.Get(cert)?.FullName,
                TlsKeyPath = ctx.Get(key)?.FullName,
                ConsoleLogs = true,
            };
            await using var collector = await VesCollector.StartAsync(options, ct);
            ctx.Output.WriteLine($"quanet ops collector: {collector.Regions.Regions.Count} regions, log {ClusterNames.EventStream} R{options.Log.Replicas} on {string.Join(',', options.Log.Urls)}");
            ctx.Output.WriteLine($"listening on {collector.BaseAddress} (Ctrl+C to stop)");
            await ctx.Output.FlushAsync(ct);
            await collector.WaitAsync(ct);
            ctx.Error.WriteLine("stopping");
            return ExitCodes.Success;
        });
        return command;
    }

    private static List<string> Urls(string? value) => [.. (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
