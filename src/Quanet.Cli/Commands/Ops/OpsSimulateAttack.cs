using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Workflows.Defence;
using Spectre.Console;

namespace Quanet.Cli.Commands.Ops;

/// <summary>
/// Adds <c>--attack interconnect</c> (with <c>--days</c> and <c>--attacks-per-kind</c>) to <c>quanet ops simulate</c>:
/// with it the command runs the interconnect attack simulation (<see cref="AttackSimulationWorkflow"/>) instead of the fault simulation.
/// </summary>
internal static class OpsSimulateAttack
{
    public static Command Extend(Command simulate)
    {
        var attack = new Option<string?>("--attack") { Description = "Simulate attacks instead of faults: 'interconnect' (intrusion, SS7 tracking, BGP hijack, scanning)" };
        attack.AcceptOnlyFromAmong("interconnect");
        var days = new Option<int>("--days") { Description = "With --attack: simulated days of benign background (default 30)", DefaultValueFactory = _ => 30 };
        var perKind = new Option<int>("--attacks-per-kind") { Description = "With --attack: attacks injected of each kind (default 3)", DefaultValueFactory = _ => 3 };
        days.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var value and < 1)
            {
                result.AddError($"--days must be at least 1, got {value}");
            }
        });
        perKind.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var value and < 0)
            {
                result.AddError($"--attacks-per-kind must not be negative, got {value}");
            }
        });
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

            var request = new AttackSimulationRequest { Days = ctx.Get(days), AttacksPerKind = ctx.Get(perKind), Seed = ctx.ParseResult.GetValue<int>("--seed") };
            var result = AttackSimulationWorkflow.Run(request, cancellationToken: ct);
            if (ctx.ParseResult.GetValue<bool>("--json"))
            {
                WriteJson(ctx, result);
            }
            else
            {
                WriteTables(ctx, result);
            }

            return ExitCodes.Success;
        });
        return simulate;
    }

    private static void WriteJson(CommandContext ctx, AttackSimulationResult result)
    {
        var report = result.Report;
        ctx.WriteJson(new
        {
            report.Days,
            report.Events,
            report.Attacks,
            report.Detected,
            report.Prevented,
            report.Contained,
            report.DetectionRate,
            report.MaxSecondsToDetect,
            report.MaxSecondsToContain,
            report.MeanSecondsToContain,
            report.FalseIsolations,
            result.FalseIsolationsPerMonth,
            report.FalsePositivesPerDay,
            report.FalseFilters,
            report.Isolations,
            report.Rollbacks,
            report.CustomerTrafficLost,
            report.BlockedAttackEvents,
            report.LeakedAttackEvents,
            report.RejectedLines,
            Outcomes = report.Outcomes.Select(o => new
            {
                o.Attack.Id,
                Kind = o.Attack.Kind.ToString(),
                o.Attack.Interconnect,
                o.Attack.Actor,
                o.Attack.Start,
                o.SecondsToDetect,
                o.SecondsToContain,
                o.Response,
                o.Rules,
            }),
        });
    }

    private static void WriteTables(CommandContext ctx, AttackSimulationResult result)
    {
        var report = result.Report;
        var table = new Table().AddColumns("Attack", "Kind", "Interconnect", "Actor", "Detect (s)", "Contain (s)", "Response", "Rules");
        foreach (var o in report.Outcomes)
        {
            table.AddRow(o.Attack.Id, o.Attack.Kind.ToString(), o.Attack.Interconnect, Markup.Escape(o.Attack.Actor),
                o.SecondsToDetect?.ToString("F1", CultureInfo.InvariantCulture) ?? "-",
                o.SecondsToContain?.ToString("F1", CultureInfo.InvariantCulture) ?? "-",
                o.Response, string.Join(", ", o.Rules));
        }

        ctx.Console.Write(table);
        ctx.Console.MarkupLine(Markup.Escape(
            $"{report.Days} days, {report.Events} events: {report.Detected} detected + {report.Prevented} prevented of {report.Attacks} attacks, {report.Contained} contained, " +
            $"slowest containment {report.MaxSecondsToContain:F1} s, {report.FalseIsolations} false isolations, {report.FalsePositivesPerDay:F2} false-positive incidents/day, " +
            $"{report.CustomerTrafficLost:F0} Mbit/s customer traffic lost, {report.RejectedLines} hostile lines rejected"));
    }
}
