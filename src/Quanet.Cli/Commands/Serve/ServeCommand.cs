using System.CommandLine;
using System.Net;
using Quanet.Cli.Infrastructure;
using Quanet.Server;

namespace Quanet.Cli.Commands.Serve;

/// <summary>
/// <c>quanet serve</c>: the authenticated Quanet server (REST API, VES collector, OpenAPI, metrics, console) until
/// Ctrl+C; <c>quanet serve keys</c> manages its API keys.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var listen = new Option<string>("--listen")
        {
            Description = "ADDRESS:PORT to listen on (port 0: any free port; plain HTTP on loopback only)",
            DefaultValueFactory = _ => "127.0.0.1:8080",
        }.Must(v => IPEndPoint.TryParse(v ?? "", out var e) && (v ?? "").Contains(':', StringComparison.Ordinal) && e.Port is >= 0 and <= 65535, "must be ADDRESS:PORT such as 127.0.0.1:8080");
        var data = Data();
        var cert = new Option<FileInfo?>("--tls-cert") { Description = "PEM certificate (chain) for HTTPS" }.Must(f => f is null || f.Exists, "must be an existing file");
        var key = new Option<FileInfo?>("--tls-key") { Description = "PEM private key of --tls-cert" }.Must(f => f is null || f.Exists, "must be an existing file");
        var authority = new Option<string?>("--oidc-authority") { Description = "OIDC issuer URL whose JWT bearer tokens are accepted (discovery and keys are fetched from it)" }
            .Must(v => v is null || Uri.TryCreate(v, UriKind.Absolute, out var u) && u.Scheme is "https" or "http", "must be an absolute http(s) URL");
        var audience = new Option<string?>("--oidc-audience") { Description = "Audience the OIDC tokens must be issued for" }
            .Check(r => r.GetValue(authority) is not null && r.GetValue<string?>("--oidc-audience") is null ? "--oidc-authority needs --oidc-audience" : null);
        var roleClaim = new Option<string>("--oidc-role-claim") { Description = "Token claim holding the role (default roles)", DefaultValueFactory = _ => "roles" };
        var rate = new Option<int>("--rate-limit") { Description = "Requests per minute per caller (0: no limit; default 6000)", DefaultValueFactory = _ => 6000 }.MustBeAtLeast(0);
        var inventory = new Option<FileInfo?>("--inventory") { Description = "Network inventory (JSON) the operations API serves (default: the synthetic 40-site network of `quanet ops`)" }
            .Must(f => f is null || f.Exists, "must be an existing file");
        var maxJobs = new Option<int>("--max-jobs") { Description = "Plan jobs run at once (default 1)", DefaultValueFactory = _ => 1 }.MustBeAtLeast(1);
        var postgresEnv = new Option<string?>("--jobs-postgres-env")
        {
            Description = "Keep plan jobs in PostgreSQL: the name of the environment variable holding the connection string (kept off the command line; default: SQLite in --data)",
        }.Check(r => r.GetValue<string?>("--jobs-postgres-env") is { } name && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name))
            ? $"--jobs-postgres-env: the environment variable {name} is not set" : null);
        var kmes = new Option<FileInfo?>("--kmes")
        {
            Description = "JSON list of KMEs whose status GET /api/v1/kmes shows (docs/server-plans.md; with an SAE certificate for the server: their ETSI GS QKD 014 status)",
        }.Must(f => f is null || f.Exists, "must be an existing file");
        var command = new Command("serve", "Serve the Quanet API (plans, secure, operate), the VES collector, OpenAPI, metrics and the console; every call needs a key (`serve keys add`) or an OIDC token");
        foreach (var o in new Option[] { listen, data, cert, key, authority, audience, roleClaim, rate, inventory, maxJobs, postgresEnv, kmes })
        {
            command.Options.Add(o);
        }

        command.Subcommands.Add(ServeKeysCommand.Create());
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var options = new ServerOptions
            {
                Listen = IPEndPoint.Parse(ctx.Get(listen)!),
                DataDirectory = Path.GetFullPath(ctx.Get(data)!.FullName),
                TlsCertificatePath = ctx.Get(cert)?.FullName,
                TlsKeyPath = ctx.Get(key)?.FullName,
                OidcAuthority = ctx.Get(authority) is { } a ? new Uri(a) : null,
                OidcAudience = ctx.Get(audience),
                OidcRoleClaim = ctx.Get(roleClaim)!,
                RequestsPerMinute = ctx.Get(rate),
                OperationsInventoryPath = ctx.Get(inventory)?.FullName,
                ConsoleLogs = true,
                Plans = new Quanet.Server.Plans.PlanServerOptions
                {
                    MaxConcurrentJobs = ctx.Get(maxJobs),
                    JobStoreConnectionString = ctx.Get(postgresEnv) is { } name ? Environment.GetEnvironmentVariable(name) : null,
                    Kmes = ctx.Get(kmes) is { } list ? Quanet.Server.Plans.KmeListFile.Read(list.FullName) : [],
                },
            };
            await using var server = await QuanetServer.StartAsync(options, ct);
            var keys = QuanetServer.OpenKeys(options.DataDirectory).List().Count;
            ctx.Output.WriteLine($"quanet serve: data {options.DataDirectory}, {keys} API key{(keys == 1 ? "" : "s")}{(options.OidcAuthority is null ? "" : $", OIDC tokens from {options.OidcAuthority}")}");
            if (keys == 0 && options.OidcAuthority is null)
            {
                ctx.Output.WriteLine($"no API key yet: create one with `quanet serve keys add NAME --role admin --data {options.DataDirectory}`");
            }

            ctx.Output.WriteLine($"listening on {server.BaseAddress} (Ctrl+C to stop)");
            await ctx.Output.FlushAsync(ct);
            await server.WaitAsync(ct);
            ctx.Error.WriteLine("stopping");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The <c>--data</c> option: the server's data directory.</summary>
    public static Option<DirectoryInfo> Data() => new("--data")
    {
        Description = "Data directory of the server: keys, audit log, jobs, operations store (default ./quanet-data)",
        DefaultValueFactory = _ => new DirectoryInfo("quanet-data"),
    };
}
