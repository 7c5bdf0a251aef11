using System.Globalization;
using Quanet.Planning.Reporting;
using Quanet.Security.Planning;

namespace Quanet.Workflows.Artifacts;

/// <summary>The plan report's table of the protection of every backhaul link.</summary>
/// <param name="decisions">The security decisions.</param>
internal sealed class SecuritySection(SecurityDecisions decisions) : IReportSection
{
    public string Title => "Quantum-safe backhaul";

    public void WriteHtml(TextWriter writer)
    {
        writer.WriteLine($"<p>{Html.Escape(string.Create(CultureInfo.InvariantCulture, $"Required secret-key rate {decisions.Policy.RequiredRateBitsPerSecond:0} bit/s per link; decoy-state BB84 with the Gobby-Yuan-Shields link parameters."))}</p>");
        writer.WriteLine("<table><tr><th>from</th><th>to</th><th>km</th><th>protection</th><th>trusted nodes</th><th>key rate (bit/s)</th></tr>");
        foreach (var (from, to, d) in decisions.Links)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"<tr><td>{Html.Escape(from)}</td><td>{Html.Escape(to)}</td><td>{d.LengthKm:0.0}</td><td>{Html.Escape(LinkProtection.ModeName(d.Mode))}</td><td>{d.TrustedNodes}</td><td>{(d.Mode == LinkSecurityMode.PqcHybrid ? "-" : d.KeyRateBitsPerSecond.ToString("0", CultureInfo.InvariantCulture))}</td></tr>"));
        }

        writer.WriteLine("</table>");
    }
}
