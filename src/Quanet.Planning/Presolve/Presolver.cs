using Quanet.Core;
using Quanet.Planning.Placement;

namespace Quanet.Planning.Presolve;

/// <summary>
/// Exact reductions before solving: forbidden sites go, demand no site can reach goes, demand points with the same
/// covering set merge into one (weights add), and a free site whose coverage is a subset of another site's at no
/// lower cost goes, since swapping it for the dominating site never hurts. Rounds repeat until nothing changes.
/// Site dominance is skipped with an overlap penalty (a larger cover can cost penalty) and with capacities (a
/// dominated site still adds capacity). Merging demand under capacities treats demand as divisible.
/// </summary>
public static class Presolver
{
    private const int MaxRounds = 8;

    /// <summary>Reduces <paramref name="instance"/> for <paramref name="goal"/>.</summary>
    /// <exception cref="QuanetException">A set-cover target exceeds what the sites can reach.</exception>
    public static PresolveResult Run(CoverageInstance instance, PlacementGoal goal)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(goal);

        var siteAlive = new bool[instance.SiteCount];
        for (var s = 0; s < siteAlive.Length; s++)
        {
            siteAlive[s] = instance.SiteFlags[s] != SiteFlag.Forbidden;
        }

        // current demand groups (original demand indices) and the covers in group indices
        var groups = new List<int[]>(instance.DemandCount);
        for (var d = 0; d < instance.DemandCount; d++)
        {
            groups.Add([d]);
        }

        var weights = (double[])instance.DemandWeight.Clone();
        var covers = (int[][])instance.SiteCovers.Clone();
        var uncoverable = 0.0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var merged = MergeDemand(siteAlive, ref covers, ref weights, groups, ref uncoverable);
            var dropped = goal.OverlapPenalty > 0 || instance.SiteCapacity is not null ? 0 : DropDominated(instance, siteAlive, covers);
            if (!merged && dropped == 0)
            {
                break;
            }
        }

        var siteMap = new List<int>();
        for (var s = 0; s < siteAlive.Length; s++)
        {
            if (siteAlive[s])
            {
                siteMap.Add(s);
            }
        }

        var map = siteMap.ToArray();
        var reducedCovers = new int[map.Length][];
        var cost = new double[map.Length];
        var flags = new SiteFlag[map.Length];
        var capacity = instance.SiteCapacity is null ? null : new double[map.Length];
        for (var k = 0; k < map.Length; k++)
        {
            reducedCovers[k] = covers[map[k]];
            cost[k] = instance.SiteCost[map[k]];
            flags[k] = instance.SiteFlags[map[k]];
            if (capacity is not null)
            {
                capacity[k] = instance.SiteCapacity![map[k]];
            }
        }

        var reduced = new CoverageInstance(weights, cost, reducedCovers, flags, capacity);
        var reducedGoal = goal;
        if (goal.Kind == PlacementKind.SetCover)
        {
            var needed = goal.CoverageTarget * instance.TotalDemand;
            if (needed > reduced.TotalDemand * (1 + 1e-12) + 1e-9)
            {
                throw new QuanetException($"coverage target {goal.CoverageTarget:P1} is unreachable: the candidate sites can cover at most {reduced.TotalDemand / Math.Max(instance.TotalDemand, 1e-300):P1} of the demand");
            }

            reducedGoal = goal with { CoverageTarget = reduced.TotalDemand > 0 ? Math.Min(1, needed / reduced.TotalDemand) : 1 };
        }

        return new PresolveResult(instance, reduced, reducedGoal, map, [.. groups], uncoverable);
    }

    private static bool MergeDemand(bool[] siteAlive, ref int[][] covers, ref double[] weights, List<int[]> groups, ref double uncoverable)
    {
        var n = weights.Length;
        var degree = new int[n];
        for (var s = 0; s < covers.Length; s++)
        {
            if (siteAlive[s])
            {
                foreach (var d in covers[s])
                {
                    degree[d]++;
                }
            }
        }

        var coveredBy = new int[n][];
        for (var d = 0; d < n; d++)
        {
            coveredBy[d] = new int[degree[d]];
            degree[d] = 0;
        }

        for (var s = 0; s < covers.Length; s++)
        {
            if (siteAlive[s])
            {
                foreach (var d in covers[s])
                {
                    coveredBy[d][degree[d]++] = s;
                }
            }
        }

        var newIndex = new int[n];
        var bySignature = new Dictionary<int[], int>(IntSequenceComparer.Instance);
        var newWeights = new List<double>();
        var newGroups = new List<int[]>();
        for (var d = 0; d < n; d++)
        {
            if (coveredBy[d].Length == 0)
            {
                uncoverable += weights[d];
                newIndex[d] = -1;
                continue;
            }

            if (bySignature.TryGetValue(coveredBy[d], out var g))
            {
                newWeights[g] += weights[d];
                newGroups[g] = [.. newGroups[g], .. groups[d]];
                newIndex[d] = g;
            }
            else
            {
                bySignature.Add(coveredBy[d], newWeights.Count);
                newIndex[d] = newWeights.Count;
                newWeights.Add(weights[d]);
                newGroups.Add(groups[d]);
            }
        }

        if (newWeights.Count == n)
        {
            return false;
        }

        var mapped = new int[covers.Length][];
        var buffer = new List<int>();
        for (var s = 0; s < covers.Length; s++)
        {
            buffer.Clear();
            if (siteAlive[s])
            {
                foreach (var d in covers[s])
                {
                    if (newIndex[d] >= 0)
                    {
                        buffer.Add(newIndex[d]);
                    }
                }

                buffer.Sort();
                var write = 0;
                for (var k = 0; k < buffer.Count; k++)
                {
                    if (k == 0 || buffer[k] != buffer[k - 1])
                    {
                        buffer[write++] = buffer[k];
                    }
                }

                buffer.RemoveRange(write, buffer.Count - write);
            }

            mapped[s] = [.. buffer];
        }

        covers = mapped;
        weights = [.. newWeights];
        groups.Clear();
        groups.AddRange(newGroups);
        return true;
    }

    private static int DropDominated(CoverageInstance instance, bool[] siteAlive, int[][] covers)
    {
        var demandCount = 0;
        foreach (var c in covers)
        {
            foreach (var d in c)
            {
                demandCount = Math.Max(demandCount, d + 1);
            }
        }

        var sitesOf = new List<int>[demandCount];
        for (var d = 0; d < demandCount; d++)
        {
            sitesOf[d] = [];
        }

        for (var s = 0; s < covers.Length; s++)
        {
            if (siteAlive[s])
            {
                foreach (var d in covers[s])
                {
                    sitesOf[d].Add(s);
                }
            }
        }

        var dropped = 0;
        for (var j = 0; j < covers.Length; j++)
        {
            if (!siteAlive[j] || instance.SiteFlags[j] == SiteFlag.Fixed)
            {
                continue;
            }

            var cj = covers[j];
            if (cj.Length == 0)
            {
                siteAlive[j] = false;
                dropped++;
                continue;
            }

            var pivot = cj[0];
            foreach (var d in cj)
            {
                if (sitesOf[d].Count < sitesOf[pivot].Count)
                {
                    pivot = d;
                }
            }

            foreach (var k in sitesOf[pivot])
            {
                if (k != j && siteAlive[k] && Dominates(instance, covers, k, j))
                {
                    siteAlive[j] = false;
                    dropped++;
                    break;
                }
            }
        }

        return dropped;
    }

    private static bool Dominates(CoverageInstance instance, int[][] covers, int k, int j)
    {
        var fixedK = instance.SiteFlags[k] == SiteFlag.Fixed;
        if (!fixedK)
        {
            if (instance.SiteCost[k] > instance.SiteCost[j])
            {
                return false;
            }
        }

        var ck = covers[k];
        var cj = covers[j];
        if (ck.Length < cj.Length || !IsSubset(cj, ck))
        {
            return false;
        }

        // identical sites: keep the lower index so exactly one survives
        var identical = ck.Length == cj.Length && instance.SiteCost[k] == instance.SiteCost[j];
        return fixedK || !identical || k < j;
    }

    private static bool IsSubset(int[] small, int[] large)
    {
        var i = 0;
        var k = 0;
        while (i < small.Length)
        {
            while (k < large.Length && large[k] < small[i])
            {
                k++;
            }

            if (k == large.Length || large[k] != small[i])
            {
                return false;
            }

            i++;
            k++;
        }

        return true;
    }
}
