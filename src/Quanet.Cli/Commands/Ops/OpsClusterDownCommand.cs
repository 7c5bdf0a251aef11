using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Cluster.Local;
using Quanet.Core;

namespace Quanet.Cli.Commands.Ops;

/// <summary><c>quanet ops cluster down</c>: stops the local cluster recorded in <c>DATA/cluster.json</c>, from any shell.</summary>
internal static class OpsClusterDownCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "Folder of the cluster (the --data of `ops cluster up`)", Required = true };
        var grace = new Option<double>("--grace") { Description = "Seconds a process has to stop after SIGTERM before SIGKILL (default 30)", DefaultValueFactory = _ => 30 }
            .MustBePositive();
        var command = new Command("down", "Stop the local operations cluster in --data: every silo, collector and nats-server process, and PostgreSQL");
        command.Options.Add(data);
        command.Options.Add(grace);
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var postgres = PostgresPrograms.Find(Environment.GetEnvironmentVariable("PATH"), Environment.UserName, out var why)
                ?? throw new QuanetException(why!);
            var folder = ctx.Get(data)!.FullName;
            var stopped = await LocalCluster.DownAsync(folder, postgres, TimeSpan.FromSeconds(ctx.Get(grace)), ct);
            ctx.Output.WriteLine($"local cluster in {folder} stopped ({stopped} running processes signalled, PostgreSQL stopped)");
            return ExitCodes.Success;
        });
        return command;
    }
}
