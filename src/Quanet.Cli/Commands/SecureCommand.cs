using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Quanet.Cli.Commands.Qkd;
using Quanet.Cli.Infrastructure;
using Quanet.Security.Planning;
using Quanet.Workflows.Artifacts;
using Quanet.Workflows.Plan;
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
        var required = new Option<double>("--required-rate") { Description = "Secret-key rate each link needs, bit/s (default 10000)", DefaultValueFactory = _ => 10_000 }.MustBePositive();
        var maxNodes = new Option<int>("--max-trusted-nodes") { Description = "Most trusted nodes per link, 0..100 (default 3)", DefaultValueFactory = _ => 3 }
            .Must(n => n is >= 0 and <= 100, "must be in 0..100");
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
            var rate = ctx.Get(required);
            var nodes = ctx.Get(maxNodes);
            var policy = new SecurityPolicy { RequiredRateBitsPerSecond = rate, MaxTrustedNodes = nodes, Link = link.Read(ctx), Protocol = link.ReadProtocol(ctx) };
            var directory = ctx.Get(planDir)!.FullName;
            var result = SecureWorkflow.Run(directory, policy, ct);
            PlanArtifactWriter.WriteSecurity(result, directory);
            var decisions = result.Decisions;
            if (ctx.Get(json))
            {
                ctx.Output.WriteLine(SecurityJsonWriter.Document(decisions).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("from", "to", "km", "protection", "trusted nodes", "key rate");
            foreach (var (from, to, d) in decisions.Links)
            {
                table.AddRow(Markup.Escape(from), Markup.Escape(to), d.LengthKm.ToString("0.0", CultureInfo.InvariantCulture), LinkProtection.ModeName(d.Mode), d.TrustedNodes.ToString(CultureInfo.InvariantCulture), d.Mode == LinkSecurityMode.PqcHybrid ? "-" : Rate(d.KeyRateBitsPerSecond));
            }

            ctx.Console.Write(table);
            ctx.Output.WriteLine($"{decisions.Count(LinkSecurityMode.QkdDirect)} QKD direct, {decisions.Count(LinkSecurityMode.QkdTrustedNodes)} QKD via trusted nodes, {decisions.Count(LinkSecurityMode.PqcHybrid)} PQC hybrid ({SecurityDecisions.PqcGroup}) at {Rate(rate)} required; wrote security.json and security.geojson");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Rate(double bitsPerSecond) => bitsPerSecond switch
    {
        >= 1e6 => (bitsPerSecond / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + " Mbit/s",
        >= 1e3 => (bitsPerSecond / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + " kbit/s",
        _ => bitsPerSecond.ToString("0.##", CultureInfo.InvariantCulture) + " bit/s",
    };
}
