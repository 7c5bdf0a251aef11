using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quanet.Cli.Infrastructure;
using Quanet.Cluster.Ingestion;
using Quanet.Cluster.Silo;

namespace Quanet.Cli.Commands.Ops;

/// <summary>
/// <c>quanet ops silo</c>: one silo of the operations cluster as its own process (Orleans on PostgreSQL), until
/// Ctrl+C; with <c>--nats</c> its region grains consume the JetStream log. Tests and the chaos benchmark kill it.
/// </summary>
internal static class OpsSiloCommand
{
    public static Command Create()
    {
        var postgres = new Option<string?>("--postgres") { Description = "Npgsql connection string of the cluster's PostgreSQL database (visible in the process list: prefer --postgres-env)" };
        var postgresEnv = new Option<string?>("--postgres-env") { Description = "Name of the environment variable holding the connection string" }
            .Check(r => r.GetValue<string?>("--postgres-env") is { } name && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name))
                ? $"--postgres-env: the environment variable {name} is not set" : null);
        var siloPort = new Option<int>("--silo-port") { Description = "Silo-to-silo port on 127.0.0.1 (default 11111)", DefaultValueFactory = _ => 11111 }
            .Must(p => p is >= 1 and <= 65535, "must be in 1..65535");
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Client gateway port on 127.0.0.1 (default 30000)", DefaultValueFactory = _ => 30000 }
            .Must(p => p is >= 1 and <= 65535, "must be in 1..65535");
        var nats = new Option<string?>("--nats") { Description = "Comma-separated NATS server URLs of the JetStream log to consume (default: none, events only through grain calls)" }
            .Must(v => v is null || v.Split(',').All(u => Uri.TryCreate(u.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "nats" or "tls"), "must be nats:// or tls:// URLs separated by commas");
        var replicas = new Option<int>("--replicas") { Description = "Replicas of the event stream when the silo creates it (1 to 5, default 3; as the collectors' --replicas)", DefaultValueFactory = _ => 3 }
            .Must(r => r is >= 1 and <= 5, "must be 1 to 5");
        var plan = OpsTopology.Plan();
        var inventory = OpsTopology.Inventory();
        var sites = OpsTopology.Sites();
        var seed = CommonOptions.Seed();
        var command = new Command("silo", "Run one silo of the operations cluster (Orleans, state in PostgreSQL) until Ctrl+C; kill -9 it to test failover");
        foreach (var o in new Option[] { postgres, postgresEnv, siloPort, gatewayPort, nats, replicas, plan, inventory, sites, seed })
        {
            command.Options.Add(o);
        }

        command.Require(r => (r.GetValue(postgres) is null) == (r.GetValue(postgresEnv) is null) ? "give exactly one of --postgres and --postgres-env" : null);
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var (network, name) = OpsTopology.Load(ctx.Get(plan), ctx.Get(inventory), ctx.Get(sites), ctx.Get(seed));
            var options = new SiloOptions
            {
                PostgresConnectionString = ctx.Get(postgres) ?? Environment.GetEnvironmentVariable(ctx.Get(postgresEnv)!)!,
                SiloPort = ctx.Get(siloPort),
                GatewayPort = ctx.Get(gatewayPort),
            };
            var log = ctx.Get(nats) is { } urls ? new EventLogOptions { Urls = [.. urls.Split(',').Select(u => u.Trim())], Replicas = ctx.Get(replicas) } : null;
            await OperationsSilo.RunAsync(options, network, log, () =>
            {
                ctx.Output.WriteLine($"silo listening on 127.0.0.1:{options.SiloPort} (gateway {options.GatewayPort}), network {name}{(log is null ? "" : ", consuming " + string.Join(',', log.Urls))} (Ctrl+C to stop)");
                ctx.Output.Flush();
            }, ct, services => services.AddLogging(SiloLogging));
            ctx.Error.WriteLine("silo stopped");
            return ExitCodes.Success;
        });
        return command;
    }

    // one JSON line per entry on standard error, with a UTC timestamp: the region feeds' failovers, the silo's own
    // warnings, and Orleans' errors (its warnings during a failover are many and expected)
    private static void SiloLogging(ILoggingBuilder logging)
    {
        logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = false;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.UseUtcTimestamp = true;
        });
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Error);
        logging.AddFilter("Quanet", LogLevel.Information);
    }
}
