using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Kme.Network;

namespace Quanet.Cli.Commands.Kme;

/// <summary><c>quanet kme network up</c>: every KME of a topology file, one child process each, until Ctrl+C.</summary>
internal static class KmeNetworkCommand
{
    public static Command Create()
    {
        var command = new Command("network", "A network of KMEs with trusted relay between them");
        command.Subcommands.Add(Up());
        return command;
    }

    private static Command Up()
    {
        var topology = new Option<FileInfo>("--topology") { Description = "Topology file: {\"kmes\": [{\"id\", \"listen\", \"saes\"}], \"links\": [[\"KME_1\", \"KME_2\"], ...]}", Required = true };
        var certs = new Option<DirectoryInfo>("--certs") { Description = "Folder written by 'quanet kme certs' with every KME and SAE of the topology; stores go there too", Required = true };
        var rate = new Option<double?>("--rate") { Description = "Secret key rate of every simulated QKD link, bits/s (default: the topology's rate_bits_per_second, else 1e6)" };
        rate.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } value && !(value > 0))
            {
                r.AddError("--rate must be positive");
            }
        });
        var command = new Command("up", "Run every KME of a topology file (one `quanet kme serve --topology` child process per KME) until Ctrl+C");
        command.Options.Add(topology);
        command.Options.Add(certs);
        command.Options.Add(rate);
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var file = ctx.Get(topology)!;
            var folder = ctx.Get(certs)!;
            var network = NetworkTopology.Load(file.FullName);
            if (!folder.Exists)
            {
                throw new DirectoryNotFoundException($"certificate folder not found: {folder.FullName}");
            }

            foreach (var kme in network.Kmes)
            {
                // fail before starting anything when a certificate is missing, naming the command that makes it
                if (!File.Exists(Path.Combine(folder.FullName, kme.Id + ".crt")))
                {
                    throw new Quanet.Core.QuanetException($"{Path.Combine(folder.FullName, kme.Id + ".crt")} not found: run 'quanet kme certs --out {folder.FullName} --kme {kme.Id} ...' (or 'kme certs add-kme')");
                }
            }

            if (network.Controller is { } controller && !File.Exists(Path.Combine(folder.FullName, controller.Id + ".crt")))
            {
                throw new Quanet.Core.QuanetException($"{Path.Combine(folder.FullName, controller.Id + ".crt")} not found: run 'quanet kme certs add-kme --certs {folder.FullName} --kme {controller.Id}' (the SDN controller of the topology)");
            }

            var nodes = new List<KmeNode>();
            try
            {
                if (network.Controller is { } sdn)
                {
                    // first, so that the KMEs find it from their first relay on (they route on their own until it answers)
                    nodes.Add(KmeNode.Start(sdn.Id, ["--topology", file.FullName, "--certs", folder.FullName], ctx.Output, ctx.Error, verb: "controller"));
                }

                foreach (var kme in network.Kmes)
                {
                    List<string> arguments = ["--topology", file.FullName, "--kme-id", kme.Id, "--certs", folder.FullName];
                    if (ctx.Get(rate) is { } bitsPerSecond)
                    {
                        arguments.AddRange(["--rate", bitsPerSecond.ToString("R", CultureInfo.InvariantCulture)]);
                    }

                    nodes.Add(KmeNode.Start(kme.Id, arguments, ctx.Output, ctx.Error));
                }

                await Task.WhenAll(nodes.Select(n => n.Listening)).WaitAsync(TimeSpan.FromSeconds(60), ct);
                lock (ctx.Output)
                {
                    ctx.Output.WriteLine($"network up: {network} ({string.Join(", ", nodes.Select(n => $"{n.KmeId} pid {n.ProcessId}"))}); Ctrl+C stops");
                    ctx.Output.Flush();
                }

                await WaitAsync(ct);
                return ExitCodes.Success;
            }
            finally
            {
                await Task.WhenAll(nodes.Select(n => n.StopAsync(TimeSpan.FromSeconds(10))));
                foreach (var node in nodes)
                {
                    node.Dispose();
                }

                ctx.Error.WriteLine("network stopped");
            }
        });
        return command;
    }

    private static async Task WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: stop the KMEs.
        }
    }
}
