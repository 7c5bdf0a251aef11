using System.Globalization;
using Quanet.Planning.Capacity;
using Quanet.Planning.Scenario;

namespace Quanet.Planning.Reporting;

/// <summary>SINR, spectral efficiency and capacity of the chosen sites, the objective's rounds and the brownfield sites.</summary>
internal sealed class CapacitySection(Plan plan, RadioCapacity radio) : IReportSection
{
    public string Title => "Capacity and interference";

    public void WriteHtml(TextWriter writer)
    {
        writer.WriteLine($"<p>{Html.Escape(CapacityText.Summary(radio))}</p>");
        if (BrownfieldSummary.Of(plan) is { } brownfield)
        {
            writer.WriteLine($"<p>{Html.Escape(CapacityText.Brownfield(brownfield))}; removed: {Html.Escape(brownfield.Removed.Count == 0 ? "none" : string.Join(", ", brownfield.Removed))}</p>");
        }

        var cqi = new List<IReadOnlyList<string>>();
        for (var k = 0; k < radio.PeoplePerCqi.Length; k++)
        {
            if (radio.PeoplePerCqi[k] <= 0)
            {
                continue;
            }

            cqi.Add(
            [
                k == 0 ? "below 1 (not served)" : k.ToString(CultureInfo.InvariantCulture),
                k == 0 ? "-" : radio.Table.Efficiency(k).ToString("0.0000", CultureInfo.InvariantCulture),
                k == 0 ? "-" : SpectralEfficiency.SinrDecibelsFor(radio.Table.Efficiency(k)).ToString("0.0", CultureInfo.InvariantCulture),
                Html.Number(radio.PeoplePerCqi[k]),
            ]);
        }

        Html.Table(writer, ["CQI", "efficiency (bit/s/Hz)", "from SINR (dB)", "people"], cqi);

        var rows = new List<IReadOnlyList<string>>();
        var sites = new List<SiteLoad>(radio.Sites);
        sites.Sort((a, b) => b.LoadMbps.CompareTo(a.LoadMbps));
        foreach (var s in sites)
        {
            var site = plan.Scenario.Sites[s.Site];
            rows.Add(
            [
                site.Id, BrownfieldSummary.Status(plan, s.Site) ?? "-", Html.Number(s.PeopleServed), s.MeanEfficiency.ToString("0.00", CultureInfo.InvariantCulture),
                Html.Number(s.CapacityMbps, 1), Html.Number(s.LoadMbps, 1), s.OverCapacity ? "over" : "within",
            ]);
        }

        writer.WriteLine("<h3 style=\"font-size:14px;margin:16px 0 8px\">Sites by busy-hour load</h3>");
        Html.Table(writer, ["id", "status", "people served", "mean SE (bit/s/Hz)", "capacity (Mbit/s)", "load (Mbit/s)", "capacity"], rows);
        if (radio.Rounds.Count > 1 || radio.Objective != PlanObjective.Coverage)
        {
            Html.Table(writer, ["round", "sites", "solver estimate (people)", "evaluated", "changed for the next round"],
                radio.Rounds.Select(r => (IReadOnlyList<string>)[r.Round.ToString(CultureInfo.InvariantCulture), r.Sites.ToString(CultureInfo.InvariantCulture), Html.Number(r.Estimate), Html.Number(r.Evaluated, 1), Html.Number(r.Changed)]));
        }

        writer.WriteLine($"<p class=\"note\">Downlink, full buffer, reuse 1 on one {radio.BandwidthMegahertz:0.##} MHz carrier: SINR = strongest server / (noise {radio.NoiseDbm:0.0} dBm + every other chosen site within {radio.CutoffKilometres:0.#} km), median path loss of the plan's model (terrain included with a DEM), no fade margin. Spectral efficiency min(CQI 15, 0.6 log2(1 + SINR)) (3GPP TR 36.942 A.2), 0 below CQI 1 ({Html.Escape(radio.Table.Source)}). Capacity = bandwidth x sectors x people-weighted mean efficiency of the people served (equal time share); load = people served x {radio.TrafficPerPersonKbps:0.##} kbit/s. Not modelled: antenna patterns, sector interference, scheduling gains, MIMO, uplink.</p>");
    }
}
