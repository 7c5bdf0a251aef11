namespace Quanet.Planning.Capacity;

/// <summary>Turns a <see cref="SinrField"/> into the plan's <see cref="RadioCapacity"/> figures.</summary>
internal static class CapacityReport
{
    public static RadioCapacity Build(SinrField field, CapacityRequest request, IReadOnlyList<CapacityRound> rounds)
    {
        var evaluator = field.Evaluator;
        var scenario = evaluator.Scenario;
        var table = CqiTable.ForBand(scenario.Request.BandMegahertz);
        var minSinr = request.MinSinrDb ?? SpectralEfficiency.ServedSinrDecibels(table);
        var bandwidth = scenario.Request.LinkBudget.BandwidthHz / 1e6;
        var covers = scenario.Instance.SiteCovers;
        var m = scenario.Demand.Count;
        var sinrDb = new float[m];
        var perCqi = new double[table.Count + 1];
        var sitePeople = new Dictionary<int, (double People, double Efficiency)>();
        foreach (var j in field.Open)
        {
            sitePeople[j] = (0, 0);
        }

        var served = new List<(double Sinr, double People)>();
        double covered = 0, servedPeople = 0, atMin = 0;
        for (var i = 0; i < m; i++)
        {
            var j = field.Server[i];
            var sinr = field.Sinr(i);
            sinrDb[i] = j < 0 ? float.NaN : (float)(10 * Math.Log10(sinr));
            if (j < 0 || Array.BinarySearch(covers[j], i) < 0)
            {
                continue;
            }

            var people = scenario.Demand[i].Weight;
            covered += people;
            var db = 10 * Math.Log10(sinr);
            if (db >= minSinr - 1e-9)
            {
                atMin += people;
            }

            var se = SpectralEfficiency.FromLinear(sinr, table);
            perCqi[table.Cqi(se)] += people;
            if (se > 0)
            {
                servedPeople += people;
                served.Add((db, people));
                var (p, e) = sitePeople[j];
                sitePeople[j] = (p + people, e + (people * se));
            }
        }

        var sites = new List<SiteLoad>(field.Open.Length);
        double demandMbps = 0, servedMbps = 0;
        foreach (var j in field.Open)
        {
            var (people, weighted) = sitePeople[j];
            var mean = people > 0 ? weighted / people : 0;
            var capacity = bandwidth * request.Sectors * mean;
            var load = people * request.TrafficPerPersonKbps / 1000;
            demandMbps += load;
            servedMbps += Math.Min(load, capacity);
            sites.Add(new SiteLoad(j, people, mean, capacity, load));
        }

        var (meanSinr, p5) = Statistics(served);
        return new RadioCapacity
        {
            Objective = request.Objective,
            Table = table,
            MinSinrDb = minSinr,
            BandwidthMegahertz = bandwidth,
            Sectors = request.Sectors,
            TrafficPerPersonKbps = request.TrafficPerPersonKbps,
            NoiseDbm = evaluator.NoiseDbm,
            PeopleCovered = covered,
            PeopleServed = servedPeople,
            PeopleAtMinSinr = atMin,
            MeanSinrDb = meanSinr,
            Percentile5SinrDb = p5,
            PeoplePerCqi = perCqi,
            Sites = sites,
            TrafficDemandMbps = demandMbps,
            TrafficServedMbps = servedMbps,
            DemandSinrDb = sinrDb,
            CutoffKilometres = evaluator.CutoffMetres / 1000,
            LeftOutBelowNoiseDb = field.LeftOutBelowNoiseDb(),
            EvaluationTime = field.Elapsed,
            Rounds = rounds,
        };
    }

    // people-weighted mean of the dB values, and the 5th percentile: the smallest SINR at which 5 % of the people are reached
    private static (double Mean, double Percentile5) Statistics(List<(double Sinr, double People)> served)
    {
        if (served.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        served.Sort((a, b) => a.Sinr.CompareTo(b.Sinr));
        double total = 0, weighted = 0;
        foreach (var (s, p) in served)
        {
            total += p;
            weighted += s * p;
        }

        var reach = 0.0;
        var p5 = served[^1].Sinr;
        foreach (var (s, p) in served)
        {
            reach += p;
            if (reach >= 0.05 * total - 1e-9)
            {
                p5 = s;
                break;
            }
        }

        return (weighted / total, p5);
    }
}
