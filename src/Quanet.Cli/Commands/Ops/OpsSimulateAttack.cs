using System.CommandLine;
using System.CommandLine.Invocation;
using Quanet.Cli.Infrastructure;

namespace Quanet.Cli.Commands.Ops;

/// <summary>
/// Adds <c>--attack interconnect</c> (with <c>--days</c> and <c>--attacks-per-kind</c>) to <c>quanet ops simulate</c>:
/// with it the command runs the interconnect attack simulation instead of the fault simulation.
/// </summary>
internal static class OpsSimulateAttack
{
    public static Command Extend(Command simulate)
    {
        var attack = new Option<string?>("--attack") { Description = "Simulate attacks instead of faults: 'interconnect' (intrusion, SS7 tracking, BGP hijack, scanning)" };
        attack.AcceptOnlyFromAmong("interconnect");
        var days = new Option<int>("--days") { Description = "With --attack: simulated days of benign background (default 30)", DefaultValueFactory = _ => 30 };
        var perKind = new Option<int>("--attacks-per-kind") { Description = "With --attack: attacks injected of each kind (default 3)", DefaultValueFactory = _ => 3 };
        simulate.Options.Add(attack);
        simulate.Options.Add(days);
        simulate.Options.Add(perKind);
        var faults = simulate.Action as AsynchronousCommandLineAction
            ?? throw new InvalidOperationException("ops simulate has no asynchronous action to extend");
        CommandRunner.SetBody(simulate, async (ctx, ct) =>
        {
            if (ctx.Get(attack) is null)
            {
                return await faults.InvokeAsync(ctx.ParseResult, ct);
            }

            var seed = ctx.ParseResult.GetValue<int>("--seed");
            var json = ctx.ParseResult.GetValue<bool>("--json");
            return OpsDefenceCommands.Simulate(ctx, ctx.Get(days), ctx.Get(perKind), seed, json, ct);
        });
        return simulate;
    }
}
