using System.CommandLine;
using System.Runtime.InteropServices;
using Quanet.Cli.Infrastructure;
using Quanet.Kme.Control;
using Quanet.Kme.Network;

namespace Quanet.Cli.Commands.Kme;

/// <summary><c>quanet kme controller</c>: the SDN controller of a topology file until Ctrl+C.</summary>
internal static class KmeControllerCommand
{
    public static Command Create()
    {
        var topology = new Option<FileInfo>("--topology") { Description = "Topology file with a \"controller\": {\"listen\": \"HOST:PORT\"} object", Required = true };
        var certs = new Option<DirectoryInfo>("--certs") { Description = "Folder written by 'quanet kme certs' holding the controller's certificate (its ID, default CONTROLLER)", Required = true };
        var command = new Command("controller", "Run the SDN controller of a KME network (relay paths, ETSI GS QKD 015-style inventories, Prometheus metrics) over mutual TLS until Ctrl+C");
        command.Options.Add(topology);
        command.Options.Add(certs);
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var network = NetworkTopology.Load(ctx.Get(topology)!.FullName);
            var folder = ctx.Get(certs)!;
            if (!folder.Exists)
            {
                throw new DirectoryNotFoundException($"certificate folder not found: {folder.FullName}");
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
            {
                signal.Cancel = true;
                stop.Cancel();
            });
            var error = ctx.Error;
            await using var server = await ControllerServer.StartAsync(network, folder.FullName, TimeProvider.System, line => error.WriteLine(line), stop.Token);
            var id = network.Controller!.Id;
            ctx.Output.WriteLine($"{id} listening on {server.BaseAddress} (SDN controller of {network}); Ctrl+C stops");
            ctx.Output.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM.
            }

            ctx.Error.WriteLine($"{id} stopped");
            return ExitCodes.Success;
        });
        return command;
    }
}
