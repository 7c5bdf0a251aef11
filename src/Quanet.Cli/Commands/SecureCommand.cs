using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Quanet.Cli.Commands.Qkd;
using Quanet.Cli.Commands.Secure;
using Quanet.Cli.Infrastructure;
using Quanet.Core.Units;
using Quanet.Security.Planning;
using Quanet.Security.Qkd;
using Spectre.Console;

namespace Quanet.Cli.Commands;

/// <summary>
/// `quanet secure PLAN_DIR`: for every backhaul link of a plan, QKD direct, QKD via trusted nodes,
/// or the ML-KEM hybrid; writes security.json and the map layer security.geojson.
/// </summary>
internal static class SecureCommand
{
    public static Command Create()
    {
        var command = new Command("secure", "Decide QKD (direct or via trusted nodes) or PQC hybrid for every backhaul link of a plan");
        var planDir = new Argument<DirectoryInfo>("plan-dir") { Description = "Plan folder holding backhaul.geojson; security.json and security.geojson are written there" };
        var required = new Option<double>("--required-rate") { Description = "Secret-key rate each link needs, bit/s (default 10000)", DefaultValueFactory = _ => 10_000 };
        var maxNodes = new Option<int>("--max-trusted-nodes") { Description = "Most trusted nodes per link (default 3)", DefaultValueFactory = _ => 3 };
        var json = CommonOptions.Json();
        var link = new LinkOptions();
        link.Protocol.DefaultValueFactory = _ => "vacuum-weak";
        command.Arguments.Add(planDir);
        command.Options.Add(required);
        command.Options.Add(maxNodes);
        link.AddTo(command);
        command.Options.Add(json);
        CommandRunner.SetBody(command, (ctx, ct) =>
        {
            var directory = ctx.Get(planDir)!;
            var rate = ctx.Get(required);
            if (!(rate > 0) || !double.IsFinite(rate))
            {
                throw new UsageException($"--required-rate must be > 0 bit/s, got {rate.ToString(CultureInfo.InvariantCulture)}");
            }

            var nodes = ctx.Get(maxNodes);
            if (nodes is < 0 or > 100)
            {
                throw new UsageException($"--max-trusted-nodes must be in 0..100, got {nodes}");
            }

            var parameters = link.Read(ctx);
            var protocol = link.ReadProtocol(ctx);
            var (decisions, report) = Protect(directory.FullName, rate, nodes, protocol, parameters, ct);
            if (ctx.Get(json))
            {
                ctx.Output.WriteLine(report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("from", "to", "km", "protection", "trusted nodes", "key rate");
            foreach (var (l, d) in decisions)
            {
                table.AddRow(Markup.Escape(l.From), Markup.Escape(l.To), l.LengthKm.ToString("0.0", CultureInfo.InvariantCulture), Mode(d.Mode), d.TrustedNodes.ToString(CultureInfo.InvariantCulture), d.Mode == LinkSecurityMode.PqcHybrid ? "-" : Rate(d.KeyRateBitsPerSecond));
            }

            ctx.Console.Write(table);
            ctx.Output.WriteLine($"{Count(decisions, LinkSecurityMode.QkdDirect)} QKD direct, {Count(decisions, LinkSecurityMode.QkdTrustedNodes)} QKD via trusted nodes, {Count(decisions, LinkSecurityMode.PqcHybrid)} PQC hybrid (X25519MLKEM768) at {Rate(rate)} required; wrote security.json and security.geojson");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Decides the protection of every link in <paramref name="directory"/>/backhaul.geojson and writes security.json
    /// and security.geojson there; shared by <c>quanet secure</c> and <c>quanet plan --secure</c>.
    /// </summary>
    internal static (List<(BackhaulLink Link, LinkSecurityDecision Decision)> Decisions, JsonObject Report) Protect(
        string directory, double rate, int nodes, QkdProtocol protocol, QkdLinkParameters parameters, CancellationToken ct)
    {
        var backhaul = Path.Combine(directory, "backhaul.geojson");
        if (!File.Exists(backhaul))
        {
            throw new FileNotFoundException($"no backhaul.geojson in {directory}", backhaul);
        }

        var planner = new LinkSecurityPlanner(parameters, protocol, nodes);
        var decisions = new List<(BackhaulLink Link, LinkSecurityDecision Decision)>();
        foreach (var l in BackhaulReader.Read(backhaul))
        {
            ct.ThrowIfCancellationRequested();
            decisions.Add((l, planner.Decide(new Kilometres(l.LengthKm), rate)));
        }

        var report = Report(decisions, rate, nodes, protocol, parameters);
        var options = new JsonSerializerOptions { WriteIndented = true };
        File.WriteAllText(Path.Combine(directory, "security.json"), report.ToJsonString(options));
        File.WriteAllText(Path.Combine(directory, "security.geojson"), MapLayer(decisions).ToJsonString(options));
        return (decisions, report);
    }

    private static JsonObject Report(List<(BackhaulLink Link, LinkSecurityDecision Decision)> decisions, double rate, int nodes, QkdProtocol protocol, QkdLinkParameters parameters)
    {
        var links = new JsonArray();
        foreach (var (l, d) in decisions)
        {
            links.Add(new JsonObject
            {
                ["from"] = l.From,
                ["to"] = l.To,
                ["length_km"] = l.LengthKm,
                ["mode"] = Mode(d.Mode),
                ["trusted_nodes"] = d.TrustedNodes,
                ["segment_km"] = d.SegmentKm,
                ["key_rate_bps"] = d.KeyRateBitsPerSecond,
                ["direct_rate_bps"] = d.DirectRateBitsPerSecond,
                ["reason"] = d.Reason,
            });
        }

        return new JsonObject
        {
            ["required_rate_bps"] = rate,
            ["max_trusted_nodes"] = nodes,
            ["protocol"] = LinkOptions.Name(protocol),
            ["pqc_group"] = "X25519MLKEM768",
            ["link_parameters"] = new JsonObject
            {
                ["attenuation_db_per_km"] = parameters.AttenuationDbPerKm,
                ["detector_efficiency"] = parameters.DetectorEfficiency,
                ["dark_count_yield"] = parameters.DarkCountYield,
                ["misalignment"] = parameters.Misalignment,
                ["ec_efficiency"] = parameters.ErrorCorrectionEfficiency,
                ["clock_rate_hz"] = parameters.ClockRateHz,
            },
            ["summary"] = new JsonObject
            {
                ["qkd_direct"] = Count(decisions, LinkSecurityMode.QkdDirect),
                ["qkd_trusted_nodes"] = Count(decisions, LinkSecurityMode.QkdTrustedNodes),
                ["pqc_hybrid"] = Count(decisions, LinkSecurityMode.PqcHybrid),
                ["trusted_nodes_total"] = decisions.Sum(d => d.Decision.TrustedNodes),
            },
            ["links"] = links,
        };
    }

    private static JsonObject MapLayer(List<(BackhaulLink Link, LinkSecurityDecision Decision)> decisions)
    {
        var features = new JsonArray();
        foreach (var (l, d) in decisions)
        {
            var coordinates = new JsonArray();
            foreach (var (lon, lat) in l.Coordinates)
            {
                coordinates.Add(new JsonArray(lon, lat));
            }

            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["geometry"] = new JsonObject { ["type"] = "LineString", ["coordinates"] = coordinates },
                ["properties"] = new JsonObject
                {
                    ["layer"] = "security",
                    ["from"] = l.From,
                    ["to"] = l.To,
                    ["length_km"] = l.LengthKm,
                    ["mode"] = Mode(d.Mode),
                    ["trusted_nodes"] = d.TrustedNodes,
                    ["key_rate_bps"] = d.KeyRateBitsPerSecond,
                    ["stroke"] = d.Mode switch { LinkSecurityMode.QkdDirect => "#1b9e77", LinkSecurityMode.QkdTrustedNodes => "#7570b3", _ => "#d95f02" },
                },
            });

            for (var node = 1; node <= d.TrustedNodes; node++)
            {
                var (lon, lat) = BackhaulReader.Along(l.Coordinates, (double)node / (d.TrustedNodes + 1));
                features.Add(new JsonObject
                {
                    ["type"] = "Feature",
                    ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(lon, lat) },
                    ["properties"] = new JsonObject { ["layer"] = "trusted-node", ["link"] = $"{l.From}-{l.To}", ["index"] = node },
                });
            }
        }

        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
    }

    private static int Count(List<(BackhaulLink Link, LinkSecurityDecision Decision)> decisions, LinkSecurityMode mode) =>
        decisions.Count(d => d.Decision.Mode == mode);

    internal static string Mode(LinkSecurityMode mode) => mode switch
    {
        LinkSecurityMode.QkdDirect => "qkd-direct",
        LinkSecurityMode.QkdTrustedNodes => "qkd-trusted-nodes",
        _ => "pqc-hybrid",
    };

    private static string Rate(double bitsPerSecond) => bitsPerSecond switch
    {
        >= 1e6 => (bitsPerSecond / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + " Mbit/s",
        >= 1e3 => (bitsPerSecond / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + " kbit/s",
        _ => bitsPerSecond.ToString("0.##", CultureInfo.InvariantCulture) + " bit/s",
    };
}
