namespace Quanet.Planning.Capacity;

/// <summary>
/// The downlink SINR, spectral efficiency and capacity of a plan's sites, evaluated exactly on the final selection
/// (<see cref="SinrEvaluator"/>), and the rounds of the objective that chose it.
/// </summary>
public sealed class RadioCapacity
{
    /// <summary>The objective the plan was chosen by.</summary>
    public required PlanObjective Objective { get; init; }

    /// <summary>The CQI table bounding the spectral efficiency.</summary>
    public required CqiTable Table { get; init; }

    /// <summary>The minimum SINR of <see cref="PeopleAtMinSinr"/>, dB.</summary>
    public required double MinSinrDb { get; init; }

    /// <summary>Carrier bandwidth, MHz.</summary>
    public required double BandwidthMegahertz { get; init; }

    /// <summary>Sectors per site.</summary>
    public required int Sectors { get; init; }

    /// <summary>Busy-hour traffic per person, kbit/s.</summary>
    public required double TrafficPerPersonKbps { get; init; }

    /// <summary>Thermal noise + noise figure over the carrier, dBm.</summary>
    public required double NoiseDbm { get; init; }

    /// <summary>People whose strongest server covers them (link budget and terrain).</summary>
    public required double PeopleCovered { get; init; }

    /// <summary>People covered with an SINR of at least CQI 1's (a non-zero spectral efficiency).</summary>
    public required double PeopleServed { get; init; }

    /// <summary>People covered with an SINR of at least <see cref="MinSinrDb"/>.</summary>
    public required double PeopleAtMinSinr { get; init; }

    /// <summary>People-weighted mean SINR (of the dB values) over the served people, dB; NaN when nobody is served.</summary>
    public required double MeanSinrDb { get; init; }

    /// <summary>People-weighted 5th percentile of SINR over the served people, dB; NaN when nobody is served.</summary>
    public required double Percentile5SinrDb { get; init; }

    /// <summary>Covered people per CQI: index 0 below CQI 1 (not served), 1-15 the CQI whose efficiency they reach.</summary>
    public required double[] PeoplePerCqi { get; init; }

    /// <summary>Capacity and load of every open site, in the plan's site order.</summary>
    public required IReadOnlyList<SiteLoad> Sites { get; init; }

    /// <summary>Busy-hour traffic of the served people, Mbit/s.</summary>
    public required double TrafficDemandMbps { get; init; }

    /// <summary>Traffic served within each site's capacity (sum of min(load, capacity)), Mbit/s.</summary>
    public required double TrafficServedMbps { get; init; }

    /// <summary>SINR of each demand point at its strongest server, dB (NaN without a server within the cut-off).</summary>
    public required float[] DemandSinrDb { get; init; }

    /// <summary>Interference cut-off distance, km.</summary>
    public required double CutoffKilometres { get; init; }

    /// <summary>Upper bound on the interference left out at any demand point, relative to noise, dB (-inf when nothing was left out).</summary>
    public required double LeftOutBelowNoiseDb { get; init; }

    /// <summary>Wall time of the final SINR evaluation.</summary>
    public required TimeSpan EvaluationTime { get; init; }

    /// <summary>The solve-evaluate rounds (one for the coverage objective).</summary>
    public required IReadOnlyList<CapacityRound> Rounds { get; init; }

    /// <summary>Open sites whose load exceeds their capacity.</summary>
    public int SitesOverCapacity => Sites.Count(s => s.OverCapacity);

    /// <summary>The capacity figures of site <paramref name="site"/> (scenario index), or null when it is not open.</summary>
    public SiteLoad? Site(int site)
    {
        foreach (var s in Sites)
        {
            if (s.Site == site)
            {
                return s;
            }
        }

        return null;
    }
}
