namespace Quanet.Planning.Capacity;

/// <summary>What one round of the sinr and traffic objectives changes for the next, from the SINR field of its choice.</summary>
internal static class CapacityRule
{
    /// <summary>Relative change of a site's capacity below which the traffic objective counts it as unchanged.</summary>
    public const double CapacityTolerance = 0.01;

    /// <summary>
    /// The coverage lists without the pairs whose SINR, were the site to serve the point with every open site of
    /// <paramref name="field"/> but itself interfering, is below <paramref name="minSinrDb"/>; and how many were dropped.
    /// </summary>
    public static (int[][] Covers, int Dropped) KeepPairsAtSinr(SinrEvaluator evaluator, int[][] covers, SinrField field, double minSinrDb)
    {
        var open = OpenSet(covers.Length, field);
        var minimum = Math.Pow(10, minSinrDb / 10) * (1 - 1e-12);
        var result = new int[covers.Length][];
        var dropped = 0;
        Parallel.For(0, covers.Length, () => (Kept: new List<int>(256), Profile: evaluator.NewProfile(), Dropped: 0), (j, _, local) =>
        {
            local.Kept.Clear();
            foreach (var i in covers[j])
            {
                var power = evaluator.Power(j, i, local.Profile);
                if (field.SinrIfServedBy(i, power, open[j]) >= minimum)
                {
                    local.Kept.Add(i);
                }
                else
                {
                    local.Dropped++;
                }
            }

            result[j] = local.Kept.Count == covers[j].Length ? covers[j] : [.. local.Kept];
            return local;
        }, local => Interlocked.Add(ref dropped, local.Dropped));
        return (result, dropped);
    }

    /// <summary>
    /// Each site's capacity in people: bandwidth x sectors x the people-weighted mean spectral efficiency over the demand
    /// it covers (that site serving, the open sites of <paramref name="field"/> but itself interfering), divided by the
    /// traffic per person.
    /// </summary>
    public static double[] People(SinrEvaluator evaluator, int[][] covers, SinrField field, CapacityRequest request, CqiTable table)
    {
        var open = OpenSet(covers.Length, field);
        var scenario = evaluator.Scenario;
        var megahertz = scenario.Request.LinkBudget.BandwidthHz / 1e6;
        var perPersonMbps = request.TrafficPerPersonKbps / 1000;
        var capacity = new double[covers.Length];
        Parallel.For(0, covers.Length, () => evaluator.NewProfile(), (j, _, profile) =>
        {
            double people = 0, weighted = 0;
            foreach (var i in covers[j])
            {
                var w = scenario.Demand[i].Weight;
                var power = evaluator.Power(j, i, profile);
                people += w;
                weighted += w * SpectralEfficiency.FromLinear(field.SinrIfServedBy(i, power, open[j]), table);
            }

            var mean = people > 0 ? weighted / people : 0;
            capacity[j] = megahertz * request.Sectors * mean / perPersonMbps;
            return profile;
        }, _ => { });
        return capacity;
    }

    /// <summary>Sites whose capacity moved by more than <see cref="CapacityTolerance"/> of the larger value.</summary>
    public static int Changed(double[] before, double[] after)
    {
        var changed = 0;
        for (var j = 0; j < before.Length; j++)
        {
            if (Math.Abs(before[j] - after[j]) > CapacityTolerance * Math.Max(Math.Abs(before[j]), Math.Abs(after[j])))
            {
                changed++;
            }
        }

        return changed;
    }

    private static bool[] OpenSet(int sites, SinrField field)
    {
        var open = new bool[sites];
        foreach (var j in field.Open)
        {
            open[j] = true;
        }

        return open;
    }
}
