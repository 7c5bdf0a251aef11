using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Core;
using Quanet.Defence.Telemetry;
using Quanet.Workflows.Defence;
using Spectre.Console;

namespace Quanet.Cli.Commands.Ops;

/// <summary>
/// <c>quanet ops defend</c>: runs the interconnect-defence rules over telemetry files (<see cref="DefendWorkflow"/>)
/// and shows the incidents and the responses the policy takes.
/// </summary>
internal static class OpsDefenceCommands
{
    /// <summary>The <c>defend</c> subcommand.</summary>
    public static Command CreateDefend()
    {
        var inventory = new Option<FileInfo>("--inventory") { Description = "Defence inventory JSON (interconnects, prefixes, topology, demands); default: the simulation scenario" };
        var rules = new Option<FileInfo>("--rules") { Description = "Rule file (JSON or YAML); default: the shipped rules" };
        var aaa = new Option<FileInfo[]>("--aaa") { Description = "AAA / command-accounting logs (JSON lines or 'TS DEVICE user= src= cmd=\"\"')" };
        var flows = new Option<FileInfo[]>("--flows") { Description = "Flow records (CSV ts,src,dst,sport,dport,proto,bytes,packets or JSON lines)" };
        var bgp = new Option<FileInfo[]>("--bgp") { Description = "BGP updates (JSON lines)" };
        var signalling = new Option<FileInfo[]>("--signalling") { Description = "Signalling message records (JSON lines)" };
        var eve = new Option<FileInfo[]>("--eve") { Description = "Suricata eve.json" };
        var maxRejected = new Option<int?>("--max-rejected")
        {
            Description = "Fail (exit 1) when more than N lines are rejected (default: any number; telemetry with no valid event always fails)",
        };
        maxRejected.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 0)
            {
                r.AddError("--max-rejected must be at least 0");
            }
        });
        var json = CommonOptions.Json();
        var inputs = new (Option<FileInfo[]> Option, TelemetryKind Kind)[]
        {
            (aaa, TelemetryKind.Aaa), (flows, TelemetryKind.Flow), (bgp, TelemetryKind.Bgp),
            (signalling, TelemetryKind.Signalling), (eve, TelemetryKind.Suricata),
        };
        inventory.AcceptExistingOnly();
        rules.AcceptExistingOnly();
        var command = new Command("defend", "Run the interconnect-defence rules over security telemetry files and show incidents and the responses the policy takes");
        foreach (var option in new Option[] { inventory, rules, aaa, flows, bgp, signalling, eve, maxRejected, json })
        {
            command.Options.Add(option);
        }

        foreach (var (option, _) in inputs)
        {
            option.AcceptExistingOnly();
        }

        command.Validators.Add(result =>
        {
            if (Array.TrueForAll(inputs, input => result.GetResult(input.Option) is null))
            {
                result.AddError("give at least one telemetry file (--aaa, --flows, --bgp, --signalling or --eve)");
            }
        });

        CommandRunner.SetBody(command, (ctx, ct) =>
        {
            var telemetry = new List<TelemetryInput>();
            foreach (var (option, kind) in inputs)
            {
                telemetry.AddRange((ctx.Get(option) ?? []).Select(file => new TelemetryInput(kind, file.FullName)));
            }

            var request = new DefendRequest
            {
                InventoryPath = ctx.Get(inventory)?.FullName,
                RulesPath = ctx.Get(rules)?.FullName,
                Telemetry = telemetry,
                MaxRejected = ctx.Get(maxRejected),
            };
            var result = DefendWorkflow.Run(request, ct);
            if (ctx.Get(json))
            {
                WriteJson(ctx, result);
            }
            else
            {
                WriteTables(ctx, result);
            }

            // the counts are printed either way; telemetry that is mostly garbage is a failed run, not a quiet network
            return result.Failure is { } failure ? throw new QuanetException(failure) : ExitCodes.Success;
        });
        return command;
    }

    private static void WriteJson(CommandContext ctx, DefendResult result) => ctx.WriteJson(new
    {
        result.Events,
        Rejected = result.RejectionsByReason.ToDictionary(kv => kv.Key, kv => kv.Value),
        Incidents = result.Incidents.Select(i => new
        {
            i.Id,
            i.Interconnect,
            Severity = i.Severity.ToString().ToLowerInvariant(),
            i.Confidence,
            Response = i.Response.ToString(),
            Actors = i.Actors.Order(StringComparer.Ordinal).ToList(),
            Sources = i.Sources.Select(s => s.ToString()).Order(StringComparer.Ordinal).ToList(),
            Evidence = i.Detections.Select(d => new { Rule = d.RuleId, At = d.Timestamp, d.Explanation }).ToList(),
        }),
        result.Actions,
    });

    private static void WriteTables(CommandContext ctx, DefendResult result)
    {
        var table = new Table().AddColumns("Incident", "Interconnect", "Severity", "Confidence", "Response", "Rules", "Actors");
        foreach (var i in result.Incidents)
        {
            table.AddRow(
                i.Id, i.Interconnect ?? "?", i.Severity.ToString(), i.Confidence.ToString("F3", CultureInfo.InvariantCulture), i.Response.ToString(),
                Markup.Escape(string.Join(", ", i.Detections.Select(d => d.RuleId).Distinct())), Markup.Escape(string.Join(", ", i.Actors)));
        }

        ctx.Console.Write(table);
        foreach (var entry in result.Actions.Where(e => e.Action != "alert"))
        {
            ctx.Console.MarkupLine(Markup.Escape($"{entry.At:u} {entry.Action} {entry.Interconnect} {entry.Actor} ({entry.Incident}): {entry.Reason}"));
        }

        var reasons = string.Join(", ", result.RejectionsByReason.Select(kv => $"{kv.Key}: {kv.Value}"));
        ctx.Console.MarkupLine(Markup.Escape($"{result.Events} events read, {result.RejectedLines} lines rejected ({reasons})"));
    }
}
