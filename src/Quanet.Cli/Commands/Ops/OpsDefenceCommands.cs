using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Defence.Model;
using Quanet.Defence.Response;
using Quanet.Defence.Rules;
using Quanet.Defence.Simulation;
using Quanet.Defence.Telemetry;
using Spectre.Console;

namespace Quanet.Cli.Commands.Ops;

/// <summary>
/// Interconnect defence from the command line: <c>quanet ops defend</c> runs the rules over telemetry files, and
/// <see cref="Simulate"/> backs <c>quanet ops simulate --attack interconnect</c>.
/// </summary>
internal static class OpsDefenceCommands
{
    /// <summary>The <c>defend</c> subcommand.</summary>
    public static Command CreateDefend()
    {
        var inventory = new Option<FileInfo?>("--inventory") { Description = "Defence inventory JSON (interconnects, prefixes, topology, demands); default: the simulation scenario" };
        var rules = new Option<FileInfo?>("--rules") { Description = "Rule file (JSON or YAML); default: the shipped rules" };
        var aaa = new Option<FileInfo[]>("--aaa") { Description = "AAA / command-accounting logs (JSON lines or 'TS DEVICE user= src= cmd=\"\"')" };
        var flows = new Option<FileInfo[]>("--flows") { Description = "Flow records (CSV ts,src,dst,sport,dport,proto,bytes,packets or JSON lines)" };
        var bgp = new Option<FileInfo[]>("--bgp") { Description = "BGP updates (JSON lines)" };
        var signalling = new Option<FileInfo[]>("--signalling") { Description = "Signalling message records (JSON lines)" };
        var eve = new Option<FileInfo[]>("--eve") { Description = "Suricata eve.json" };
        var json = CommonOptions.Json();
        var command = new Command("defend", "Run the interconnect-defence rules over security telemetry files and show incidents and the responses the policy takes");
        foreach (var option in new Option[] { inventory, rules, aaa, flows, bgp, signalling, eve, json })
        {
            command.Options.Add(option);
        }

        CommandRunner.SetBody(command, (ctx, ct) =>
        {
            var inv = ctx.Get(inventory) is { } invFile ? DefenceInventoryJson.Load(invFile.FullName) : DefenceScenario.Inventory();
            var ruleSet = ctx.Get(rules) is { } ruleFile ? RuleSetLoader.Load(ruleFile.FullName) : RuleSetLoader.Default();
            var parser = new TelemetryParser();
            var events = new List<SecurityEvent>();
            var inputs = new (Option<FileInfo[]> Option, TelemetryKind Kind)[]
            {
                (aaa, TelemetryKind.Aaa), (flows, TelemetryKind.Flow), (bgp, TelemetryKind.Bgp),
                (signalling, TelemetryKind.Signalling), (eve, TelemetryKind.Suricata),
            };
            var any = false;
            foreach (var (option, kind) in inputs)
            {
                foreach (var file in ctx.Get(option) ?? [])
                {
                    any = true;
                    if (!file.Exists)
                    {
                        throw new Quanet.Core.QuanetException($"{file.FullName}: file not found");
                    }

                    using var stream = file.OpenRead();
                    events.AddRange(parser.ReadAll(kind, stream));
                }
            }

            if (!any)
            {
                throw new UsageException("give at least one telemetry file (--aaa, --flows, --bgp, --signalling or --eve)");
            }

            events.Sort(static (a, b) => a.Timestamp.CompareTo(b.Timestamp));
            var adapter = new SimulatedInterconnectAdapter();
            var engine = new DefenceEngine(inv, ruleSet, adapter);
            foreach (var ev in events)
            {
                ct.ThrowIfCancellationRequested();
                engine.Process(ev);
            }

            var incidents = engine.Correlator.Incidents;
            if (ctx.Get(json))
            {
                ctx.WriteJson(new
                {
                    Events = events.Count,
                    Rejected = parser.Rejections.ByReason.ToDictionary(kv => kv.Key, kv => kv.Value),
                    Incidents = incidents.Select(i => new
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
                    Actions = engine.Audit,
                });
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("Incident", "Interconnect", "Severity", "Confidence", "Response", "Rules", "Actors");
            foreach (var i in incidents)
            {
                table.AddRow(
                    i.Id, i.Interconnect ?? "?", i.Severity.ToString(), i.Confidence.ToString("F3", System.Globalization.CultureInfo.InvariantCulture), i.Response.ToString(),
                    Markup.Escape(string.Join(", ", i.Detections.Select(d => d.RuleId).Distinct())), Markup.Escape(string.Join(", ", i.Actors)));
            }

            ctx.Console.Write(table);
            foreach (var entry in engine.Audit.Where(e => e.Action != "alert"))
            {
                ctx.Console.MarkupLine(Markup.Escape($"{entry.At:u} {entry.Action} {entry.Interconnect} {entry.Actor} ({entry.Incident}): {entry.Reason}"));
            }

            ctx.Console.MarkupLine(Markup.Escape($"{events.Count} events read, {parser.Rejections.Total} lines rejected ({string.Join(", ", parser.Rejections.ByReason.Select(kv => $"{kv.Key}: {kv.Value}"))})"));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Runs the interconnect attack simulation and prints its report; the body of <c>ops simulate --attack interconnect</c>.</summary>
    public static int Simulate(CommandContext ctx, int days, int attacksPerKind, int seed, bool json, CancellationToken cancellationToken)
    {
        if (days < 1)
        {
            throw new UsageException($"--days must be at least 1, got {days}");
        }

        if (attacksPerKind < 0)
        {
            throw new UsageException($"--attacks-per-kind must not be negative, got {attacksPerKind}");
        }

        var report = InterconnectAttackSimulation.Run(new DefenceSimulationOptions { Days = days, AttacksPerKind = attacksPerKind, Seed = seed }, cancellationToken: cancellationToken);
        if (json)
        {
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
                FalseIsolationsPerMonth = report.FalseIsolations * 30.0 / report.Days,
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
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("Attack", "Kind", "Interconnect", "Actor", "Detect (s)", "Contain (s)", "Response", "Rules");
        foreach (var o in report.Outcomes)
        {
            table.AddRow(o.Attack.Id, o.Attack.Kind.ToString(), o.Attack.Interconnect, Markup.Escape(o.Attack.Actor),
                o.SecondsToDetect?.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                o.SecondsToContain?.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                o.Response, string.Join(", ", o.Rules));
        }

        ctx.Console.Write(table);
        ctx.Console.MarkupLine(Markup.Escape(
            $"{report.Days} days, {report.Events} events: {report.Detected} detected + {report.Prevented} prevented of {report.Attacks} attacks, {report.Contained} contained, " +
            $"slowest containment {report.MaxSecondsToContain:F1} s, {report.FalseIsolations} false isolations, {report.FalsePositivesPerDay:F2} false-positive incidents/day, " +
            $"{report.CustomerTrafficLost:F0} Mbit/s customer traffic lost, {report.RejectedLines} hostile lines rejected"));
        return ExitCodes.Success;
    }
}
