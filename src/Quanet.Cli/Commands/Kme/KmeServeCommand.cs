using System.CommandLine;
using System.Runtime.InteropServices;
using Quanet.Cli.Infrastructure;
using Quanet.Kme.Certificates;
using Quanet.Kme.Configuration;
using Quanet.Kme.Hosting;
using Quanet.Kme.Network;

namespace Quanet.Cli.Commands.Kme;

/// <summary><c>quanet kme serve</c>: run a KME until Ctrl+C.</summary>
internal static class KmeServeCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "appsettings-style JSON file with a \"Kme\" section (KmeId, Saes, CA, certificate, peer, store, supply)" };
        var kmeId = new Option<string>("--kme-id") { Description = "Single-KME or topology mode: this KME's ID (uses DIR/ca.crt, DIR/KME.crt, DIR/KME.key)" };
        var topology = new Option<FileInfo>("--topology") { Description = "Network mode: run KME --kme-id of this topology file (kmes, links), with --certs" };
        var certs = new Option<DirectoryInfo>("--certs") { Description = "Single-KME mode: folder written by 'quanet kme certs'" };
        var saes = new Option<string[]>("--sae") { Description = "Single-KME mode: SAE ID attached to this KME; repeatable" };
        var listen = new Option<string>("--listen") { Description = "HOST:PORT to listen on (overrides the config file)" };
        var rate = new Option<double?>("--rate") { Description = "Secret key rate of the simulated QKD link, bits/s (default 1e6)" };
        var linkKm = new Option<double?>("--link-km") { Description = "Fibre length of the simulated QKD link in km: the pool rate becomes the decoy-BB84 secret key rate at that length" };
        var crl = new Option<FileInfo>("--crl") { Description = "Certificate revocation list (PEM or DER) signed by the CA: checked on every request, re-read when the file changes" };
        crl.Validators.Add(result =>
        {
            // read before the KME starts: a missing or garbage file is a usage error; the CA's signature is checked at start
            if (result.GetValueOrDefault<FileInfo>() is { } file && CrlFile.Problem(file.FullName) is { } problem)
            {
                result.AddError($"--crl: {problem}");
            }
        });
        var command = new Command("serve", "Run an ETSI GS QKD 014 KME over HTTPS with mutual TLS until Ctrl+C");
        command.Options.Add(config);
        command.Options.Add(kmeId);
        command.Options.Add(topology);
        command.Options.Add(certs);
        command.Options.Add(saes);
        command.Options.Add(listen);
        command.Options.Add(rate);
        command.Options.Add(linkKm);
        command.Options.Add(crl);
        command.Require(r =>
        {
            var single = r.GetValue(kmeId) is not null || r.GetValue(certs) is not null || (r.GetValue(saes)?.Length ?? 0) > 0;
            if (r.GetValue(topology) is not null)
            {
                return r.GetValue(config) is not null || (r.GetValue(saes)?.Length ?? 0) > 0 ? "--topology cannot be combined with --config or --sae"
                    : string.IsNullOrEmpty(r.GetValue(kmeId)) || r.GetValue(certs) is null ? "--topology needs --kme-id and --certs" : null;
            }

            return r.GetValue(config) is not null
                ? single ? "--config cannot be combined with --kme-id, --certs or --sae" : null
                : string.IsNullOrEmpty(r.GetValue(kmeId)) || r.GetValue(certs) is null || (r.GetValue(saes)?.Length ?? 0) == 0
                    ? "give --config FILE, --topology FILE with --kme-id and --certs, or --kme-id, --certs and at least one --sae" : null;
        });
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            KmeOptions options;
            var file = ctx.Get(config);
            if (file is not null)
            {
                options = KmeOptionsLoader.Load(file.FullName);
            }
            else if (ctx.Get(topology) is { } network)
            {
                var folder = ctx.Get(certs)!;
                if (!folder.Exists)
                {
                    throw new DirectoryNotFoundException($"certificate folder not found: {folder.FullName}");
                }

                options = NetworkTopology.Load(network.FullName).OptionsFor(ctx.Get(kmeId)!, folder.FullName);
            }
            else
            {
                var id = ctx.Get(kmeId)!;
                var folder = ctx.Get(certs)!;
                var ids = ctx.Get(saes)!;
                if (!folder.Exists)
                {
                    throw new DirectoryNotFoundException($"certificate folder not found: {folder.FullName}");
                }

                options = KmeDefaults.Local(id, folder.FullName, ids, ctx.Get(listen) ?? "127.0.0.1:8443");
            }

            if (ctx.Get(listen) is { } address)
            {
                options.Listen = address;
            }

            if (ctx.Get(rate) is { } bitsPerSecond)
            {
                options.Supply.RateBitsPerSecond = bitsPerSecond;
            }

            if (ctx.Get(crl) is { } revocationList)
            {
                options.CrlFile = revocationList.FullName;
            }

            if (ctx.Get(linkKm) is { } km)
            {
                options.Supply.LinkLengthKm = km;
            }

            // A service manager stops the KME with SIGTERM: shut down as cleanly as on Ctrl+C.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
            {
                signal.Cancel = true;
                stop.Cancel();
            });
            var error = ctx.Error;
            await using var server = await KmeServer.StartAsync(options, TimeProvider.System, line => error.WriteLine(line), stop.Token);
            ctx.Output.WriteLine($"{options.KmeId} listening on {server.BaseAddress} ({options.Saes.Count} SAEs, store {options.Store.Describe(options.StorePath)}, supply {options.Supply.Mode} at {options.Supply.RateBitsPerSecond:G4} bit/s); Ctrl+C stops");
            ctx.Output.Flush();
            await server.WaitAsync(stop.Token);
            ctx.Error.WriteLine($"{options.KmeId} stopped");
            return ExitCodes.Success;
        });
        return command;
    }
}
