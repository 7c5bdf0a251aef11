using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Workflows.Operations;

namespace Quanet.Cli.Commands.Ops;

/// <summary><c>quanet ops serve</c>: the operations HTTP API on 127.0.0.1 until Ctrl+C.</summary>
internal static class OpsServeCommand
{
    public static Command Create()
    {
        var plan = OpsTopology.Plan();
        var inventory = OpsTopology.Inventory();
        var sites = OpsTopology.Sites();
        var seed = CommonOptions.Seed();
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0: any free port; default 8080)", DefaultValueFactory = _ => 8080 };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                r.AddError("--port must be in 0..65535");
            }
        });
        var db = new Option<FileInfo>("--db") { Description = "SQLite store (default quanet-ops.db)", DefaultValueFactory = _ => new FileInfo("quanet-ops.db") };
        var auto = new Option<bool>("--auto-remediate") { Description = "Run the runbook of every new incident decided as a remote fix (against the simulated network adapter)" };
        var command = new Command("serve", "Serve the operations API on 127.0.0.1: VES ingest (POST /eventListener/v7), alarms (/FaultSupervisionMnS/v1/alarms), incidents, runbook runs");
        foreach (var o in new Option[] { plan, inventory, sites, seed, port, db, auto })
        {
            command.Options.Add(o);
        }

        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var (network, name) = OpsTopology.Load(ctx.Get(plan), ctx.Get(inventory), ctx.Get(sites), ctx.Get(seed));
            var request = new ServeRequest
            {
                Inventory = network,
                DatabasePath = ctx.Get(db)!.FullName,
                Seed = ctx.Get(seed),
                Port = ctx.Get(port),
                AutoRemediate = ctx.Get(auto),
            };
            await using var service = await ServeWorkflow.StartAsync(request, ct);
            ctx.Output.WriteLine($"quanet ops: {name}, store {service.StorePath}");
            ctx.Output.WriteLine($"listening on {service.BaseAddress} (Ctrl+C to stop)");
            await ctx.Output.FlushAsync(ct);
            await service.WaitAsync(ct);
            ctx.Error.WriteLine("stopping");
            return ExitCodes.Success;
        });
        return command;
    }
}
