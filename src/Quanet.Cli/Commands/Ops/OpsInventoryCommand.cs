using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Operations.Inventory;

namespace Quanet.Cli.Commands.Ops;

/// <summary><c>quanet ops inventory</c>: show or export the inventory the ops commands use.</summary>
internal static class OpsInventoryCommand
{
    public static Command Create()
    {
        var plan = OpsTopology.Plan();
        var inventory = OpsTopology.Inventory();
        var sites = OpsTopology.Sites();
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var command = new Command("inventory", "Show the network inventory (from --plan, --inventory or synthetic); --json prints the inventory document");
        foreach (var o in new Option[] { plan, inventory, sites, seed, json })
        {
            command.Options.Add(o);
        }

        CommandRunner.SetBody(command, (ctx, _) =>
        {
            var (network, name) = OpsTopology.Load(ctx.Get(plan), ctx.Get(inventory), ctx.Get(sites), ctx.Get(seed));
            if (ctx.Get(json))
            {
                ctx.Output.WriteLine(InventoryJson.Write(network));
                return ExitCodes.Success;
            }

            var graph = new DependencyGraph(network);
            ctx.Output.WriteLine($"{name}: {network.Sites.Count} sites ({network.Sites.Count(s => s.Role == SiteRole.Cell)} cell, {network.Sites.Count(s => s.Role == SiteRole.Aggregation)} aggregation, {network.Sites.Count(s => s.Role == SiteRole.Core)} core), {network.Elements.Count} elements, {network.Links.Count} links");
            var worst = network.Links.Select(l => (l.Id, Isolated: graph.IsolatedByLink(l.Id).Count)).OrderByDescending(x => x.Isolated).ThenBy(x => x.Id, StringComparer.Ordinal).Take(5);
            ctx.Output.WriteLine("links whose cut isolates the most sites: " + string.Join(", ", worst.Select(x => $"{x.Id} ({x.Isolated})")));
            return ExitCodes.Success;
        });
        return command;
    }
}
