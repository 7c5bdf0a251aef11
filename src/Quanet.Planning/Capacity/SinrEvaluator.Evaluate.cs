using Quanet.Core.Geodesy;
using Quanet.Planning.Geography;

namespace Quanet.Planning.Capacity;

internal sealed partial class SinrEvaluator
{
    /// <summary>The SINR field of the open sites <paramref name="open"/> (site indices of the scenario).</summary>
    public SinrField Evaluate(IReadOnlyList<int> open, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        var clock = timeProvider ?? TimeProvider.System;
        var start = clock.GetTimestamp();
        var sites = _scenario.Sites;
        var sx = new double[open.Count];
        var sy = new double[open.Count];
        for (var k = 0; k < open.Count; k++)
        {
            (sx[k], sy[k]) = _scenario.Region.Projection.Forward(sites[open[k]].Location);
        }

        var grid = new SpatialGrid(sx, sy, Math.Max(1000, CutoffMetres));
        var m = _scenario.Demand.Count;
        var server = new int[m];
        var signal = new double[m];
        var total = new double[m];
        var leftOut = new int[m];
        var query = (CutoffMetres * _pad) + 1;

        // demand points are independent: one neighbour list (and terrain profile) per worker, nothing allocated per pair
        Parallel.For(0, m, () => (Found: new List<int>(64), Profile: NewProfile()), (i, _, local) =>
        {
            local.Found.Clear();
            grid.Query(_dx[i], _dy[i], query, local.Found);
            var point = _scenario.Demand[i].Location;
            int best = -1, within = 0;
            double bestPower = 0, sum = 0;
            foreach (var k in local.Found)
            {
                var j = open[k];
                var site = sites[j].Location;
                var distance = GreatCircle.DistanceMetres(site.Latitude, site.Longitude, point.Latitude, point.Longitude);
                if (distance > CutoffMetres)
                {
                    continue;
                }

                within++;
                var p = Power(j, i, distance, local.Profile);
                sum += p;
                if (p > bestPower)
                {
                    bestPower = p;
                    best = j;
                }
            }

            server[i] = best;
            signal[i] = bestPower;
            total[i] = sum;
            leftOut[i] = open.Count - within;
            return local;
        }, _ => { });

        return new SinrField(this, [.. open], server, signal, total, leftOut, clock.GetElapsedTime(start));
    }
}
