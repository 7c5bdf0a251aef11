namespace Quanet.Planning.Placement;

/// <summary>
/// Presolve for the exact model. Sites: forbidden or excluded ones leave; a free site is dominated when
/// another usable site covers every positive-weight demand point it covers at no higher cost (ties
/// broken by index), which is safe without capacities and without an overlap penalty: any solution
/// using it can swap to the dominator losing nothing. Demand: points with zero weight or no usable
/// coverer leave, and points covered by exactly the same usable sites merge into one class with the
/// summed weight.
/// </summary>
internal sealed class CoverageReduction
{
    private CoverageReduction(bool[] usable, int[] dominator, double[] classWeight, int[][] classSites, int[][] siteClasses, int dominated)
    {
        Usable = usable;
        Dominator = dominator;
        ClassWeight = classWeight;
        ClassSites = classSites;
        SiteClasses = siteClasses;
        DominatedCount = dominated;
    }

    /// <summary>Whether each site stays in the model.</summary>
    public bool[] Usable { get; }

    /// <summary>For a dominated site the usable site that replaces it, else -1.</summary>
    public int[] Dominator { get; }

    /// <summary>Summed weight of each demand class.</summary>
    public double[] ClassWeight { get; }

    /// <summary>The usable sites covering each class, ascending.</summary>
    public int[][] ClassSites { get; }

    /// <summary>The classes each usable site covers.</summary>
    public int[][] SiteClasses { get; }

    /// <summary>Sites removed as dominated.</summary>
    public int DominatedCount { get; }

    /// <summary>Number of demand classes.</summary>
    public int ClassCount => ClassWeight.Length;

    /// <summary>Builds the reduction; <paramref name="excluded"/> marks extra sites proven useless (may be null).</summary>
    public static CoverageReduction Build(CoverageInstance instance, PlacementGoal goal, CoverageIndex index, bool[]? excluded)
    {
        var n = instance.SiteCount;
        var usable = new bool[n];
        var dominator = new int[n];
        for (var j = 0; j < n; j++)
        {
            usable[j] = instance.SiteFlags[j] != SiteFlag.Forbidden && (excluded is null || !excluded[j] || instance.SiteFlags[j] == SiteFlag.Fixed);
            dominator[j] = -1;
        }

        var dominated = 0;
        if (instance.SiteCapacity is null && goal.OverlapPenalty == 0)
        {
            dominated = RemoveDominated(instance, index, usable, dominator);
        }

        // demand classes keyed by their usable coverer lists
        var classes = new Dictionary<SiteKey, int>();
        var weights = new List<double>();
        var classSites = new List<int[]>();
        var demandClass = new int[instance.DemandCount];
        for (var i = 0; i < instance.DemandCount; i++)
        {
            demandClass[i] = -1;
            if (instance.DemandWeight[i] <= 0)
            {
                continue;
            }

            var sites = new List<int>();
            foreach (var j in index.SitesOf(i))
            {
                if (usable[j])
                {
                    sites.Add(j);
                }
            }

            if (sites.Count == 0)
            {
                continue;
            }

            var key = new SiteKey([.. sites]);
            if (!classes.TryGetValue(key, out var c))
            {
                c = weights.Count;
                classes.Add(key, c);
                weights.Add(0.0);
                classSites.Add(key.Sites);
            }

            weights[c] += instance.DemandWeight[i];
            demandClass[i] = c;
        }

        var siteClassLists = new List<int>[n];
        for (var c = 0; c < classSites.Count; c++)
        {
            foreach (var j in classSites[c])
            {
                (siteClassLists[j] ??= []).Add(c);
            }
        }

        var siteClasses = new int[n][];
        for (var j = 0; j < n; j++)
        {
            siteClasses[j] = siteClassLists[j] is { } list ? [.. list] : [];
        }

        return new CoverageReduction(usable, dominator, [.. weights], [.. classSites], siteClasses, dominated);
    }

    /// <summary>Maps a selection onto usable sites: each dominated site is replaced by its final dominator.</summary>
    public bool[] MapSelection(ReadOnlySpan<bool> selection)
    {
        var mapped = new bool[selection.Length];
        for (var j = 0; j < selection.Length; j++)
        {
            if (!selection[j])
            {
                continue;
            }

            var k = j;
            while (!Usable[k] && Dominator[k] >= 0)
            {
                k = Dominator[k];
            }

            if (Usable[k])
            {
                mapped[k] = true;
            }
        }

        return mapped;
    }

    private static int RemoveDominated(CoverageInstance instance, CoverageIndex index, bool[] usable, int[] dominator)
    {
        var n = instance.SiteCount;
        var positive = new int[n];
        for (var j = 0; j < n; j++)
        {
            foreach (var i in instance.SiteCovers[j])
            {
                if (instance.DemandWeight[i] > 0)
                {
                    positive[j]++;
                }
            }
        }

        var shared = new int[n];
        var touched = new List<int>();
        var removed = 0;
        for (var a = 0; a < n; a++)
        {
            if (!usable[a] || instance.SiteFlags[a] != SiteFlag.Free)
            {
                continue;
            }

            if (positive[a] == 0)
            {
                usable[a] = false;
                removed++;
                continue;
            }

            foreach (var i in instance.SiteCovers[a])
            {
                if (instance.DemandWeight[i] <= 0)
                {
                    continue;
                }

                foreach (var b in index.SitesOf(i))
                {
                    if (b != a && usable[b] && shared[b]++ == 0)
                    {
                        touched.Add(b);
                    }
                }
            }

            foreach (var b in touched)
            {
                if (dominator[a] < 0 && shared[b] == positive[a] && instance.SiteCost[b] <= instance.SiteCost[a]
                    && (positive[b] > positive[a] || instance.SiteCost[b] < instance.SiteCost[a] || b < a))
                {
                    dominator[a] = b;
                }

                shared[b] = 0;
            }

            touched.Clear();
            if (dominator[a] >= 0)
            {
                usable[a] = false;
                removed++;
            }
        }

        return removed;
    }

    private sealed class SiteKey(int[] sites) : IEquatable<SiteKey>
    {
        private readonly int _hash = Hash(sites);

        public int[] Sites { get; } = sites;

        public bool Equals(SiteKey? other) => other is not null && Sites.AsSpan().SequenceEqual(other.Sites);

        public override bool Equals(object? obj) => Equals(obj as SiteKey);

        public override int GetHashCode() => _hash;

        private static int Hash(int[] sites)
        {
            var hash = new HashCode();
            foreach (var s in sites)
            {
                hash.Add(s);
            }

            return hash.ToHashCode();
        }
    }
}
