using System.Globalization;
using Quanet.Planning.Scenario;

namespace Quanet.Planning.Capacity;

/// <summary>The one-line summaries of a plan's capacity and brownfield figures that every host prints the same way.</summary>
public static class CapacityText
{
    /// <summary>
    /// "capacity: ..." — SINR statistics, people served, sites over capacity, the interference cut-off and its bound,
    /// and for the sinr and traffic objectives the rounds.
    /// </summary>
    public static string Summary(RadioCapacity radio)
    {
        ArgumentNullException.ThrowIfNull(radio);
        var sectors = radio.Sectors == 1 ? "1 sector" : $"{radio.Sectors} sectors";
        var text = Invariant($"capacity: {radio.BandwidthMegahertz:0.##} MHz x {sectors}, {radio.Table.Name} CQI; SINR of the served mean {Db(radio.MeanSinrDb)}, 5th percentile {Db(radio.Percentile5SinrDb)}; ")
            + Invariant($"{radio.PeopleServed:N0} people served (SINR >= {radio.Table.Name} CQI 1), {radio.PeopleAtMinSinr:N0} at >= {radio.MinSinrDb:0.##} dB; ")
            + Invariant($"{radio.SitesOverCapacity} of {radio.Sites.Count} sites over capacity at {radio.TrafficPerPersonKbps:0.##} kbit/s a person ({radio.TrafficServedMbps:N1} of {radio.TrafficDemandMbps:N1} Mbit/s served); ")
            + Invariant($"interference cut-off {radio.CutoffKilometres:0.#} km ({LeftOut(radio)}); evaluated in {radio.EvaluationTime.TotalMilliseconds:0} ms");
        if (radio.Objective != PlanObjective.Coverage)
        {
            var last = radio.Rounds[^1];
            text += Invariant($"; objective {radio.Objective.ToString().ToLowerInvariant()}: {radio.Rounds.Count} round{(radio.Rounds.Count == 1 ? "" : "s")}, best evaluated {Best(radio):N1}{(radio.Objective == PlanObjective.Traffic ? " Mbit/s" : " people")}{(last.Changed == 0 ? ", stable" : string.Empty)}");
        }

        return text;
    }

    /// <summary>"brownfield: K kept, R removed, N new (keep ... + removal ... + build ... = total)".</summary>
    public static string Brownfield(BrownfieldSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Invariant($"brownfield: {summary.Kept.Count} kept, {summary.Removed.Count} removed, {summary.New} new (keep {summary.KeepCost:N1} + removal {summary.RemovalCost:N1} + build {summary.BuildCost:N1} = {summary.TotalCost:N1})");
    }

    /// <summary>The bound on the interference the cut-off leaves out.</summary>
    public static string LeftOut(RadioCapacity radio)
    {
        ArgumentNullException.ThrowIfNull(radio);
        return double.IsNegativeInfinity(radio.LeftOutBelowNoiseDb)
            ? "no site left out"
            : Invariant($"left-out interference <= {radio.LeftOutBelowNoiseDb:0.0} dB relative to noise");
    }

    private static double Best(RadioCapacity radio)
    {
        var best = double.NegativeInfinity;
        foreach (var r in radio.Rounds)
        {
            best = Math.Max(best, r.Evaluated);
        }

        return best;
    }

    private static string Db(double value) => double.IsNaN(value) ? "-" : Invariant($"{value:0.0} dB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
