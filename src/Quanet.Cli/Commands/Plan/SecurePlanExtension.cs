using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Planning.Reporting;
using Quanet.Security.Planning;
using Quanet.Security.Qkd;

namespace Quanet.Cli.Commands.Plan;

/// <summary>
/// <c>quanet plan --secure</c> (with <c>--backhaul</c>): decides QKD direct, QKD via trusted nodes or the ML-KEM hybrid
/// for every backhaul link, with the GYS link parameters, and adds the table to the report.
/// </summary>
internal sealed class SecurePlanExtension : IPlanExtension
{
    private readonly Option<bool> _secure = new("--secure") { Description = "With --backhaul: decide QKD or PQC for every backhaul link (see 'quanet secure'); writes security.json and security.geojson" };
    private readonly Option<double> _rate = new("--required-rate") { Description = "With --secure: secret-key rate each link needs, bit/s (default 10000)", DefaultValueFactory = _ => 10_000 };

    public void AddOptions(Command command)
    {
        command.Options.Add(_secure);
        command.Options.Add(_rate);
    }

    public void Apply(CommandContext context, PlanReport report, string outputDirectory, IDictionary<string, object?> json, CancellationToken cancellationToken)
    {
        if (!context.Get(_secure))
        {
            return;
        }

        var rate = context.Get(_rate);
        if (!(rate > 0) || !double.IsFinite(rate))
        {
            throw new UsageException($"--required-rate must be > 0 bit/s, got {rate.ToString(CultureInfo.InvariantCulture)}");
        }

        if (!File.Exists(Path.Combine(outputDirectory, "backhaul.geojson")))
        {
            throw new UsageException("--secure needs --backhaul: it decides the protection of each backhaul link");
        }

        // the same decisions and files as 'quanet secure PLAN_DIR' with its defaults
        var (decisions, _) = SecureCommand.Protect(outputDirectory, rate, 3, QkdProtocol.VacuumWeak, QkdLinkParameters.Gys, cancellationToken);
        var rows = decisions.Select(d => (d.Link.From, d.Link.To, d.Link.LengthKm, d.Decision)).ToList();
        var counts = rows.GroupBy(r => r.Decision.Mode).ToDictionary(g => g.Key.ToString(), g => g.Count());
        report.Sections.Add(new SecuritySection(rows, rate));
        json["security"] = new { required_rate_bps = rate, links = rows.Count, modes = counts };
    }

    private sealed class SecuritySection(List<(string From, string To, double Km, LinkSecurityDecision Decision)> rows, double rate) : IReportSection
    {
        public string Title => "Quantum-safe backhaul";

        public void WriteHtml(TextWriter writer)
        {
            writer.WriteLine($"<p>{Html.Escape(string.Create(CultureInfo.InvariantCulture, $"Required secret-key rate {rate:0} bit/s per link; decoy-state BB84 with the Gobby-Yuan-Shields link parameters."))}</p>");
            writer.WriteLine("<table><tr><th>from</th><th>to</th><th>km</th><th>protection</th><th>trusted nodes</th><th>key rate (bit/s)</th></tr>");
            foreach (var (from, to, km, d) in rows)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"<tr><td>{Html.Escape(from)}</td><td>{Html.Escape(to)}</td><td>{km:0.0}</td><td>{Html.Escape(SecureCommand.Mode(d.Mode))}</td><td>{d.TrustedNodes}</td><td>{(d.Mode == LinkSecurityMode.PqcHybrid ? "-" : d.KeyRateBitsPerSecond.ToString("0", CultureInfo.InvariantCulture))}</td></tr>"));
            }

            writer.WriteLine("</table>");
        }
    }
}
