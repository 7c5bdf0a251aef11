namespace Quanet.Planning.Placement;

/// <summary>
/// A selection of sites with incrementally maintained coverage counts and, for every site, the exact
/// change of covered weight and overlap if that site were flipped (added when unchosen, removed when
/// chosen). A flip of site j costs O(sum of degrees of the demand j covers); flipping back restores
/// everything exactly. Capacities are not modelled here (callers evaluate them at the end).
/// </summary>
internal sealed class CoverageState
{
    private readonly double[] _weight;
    private readonly int[][] _covers;
    private readonly double[] _cost;
    private readonly CoverageIndex _index;
    private readonly int[] _count;
    private readonly long[] _siteSum;
    private readonly bool[] _chosen;
    private readonly double[] _deltaCover;
    private readonly double[] _deltaOverlap;

    /// <summary>Starts with no site chosen.</summary>
    public CoverageState(CoverageInstance instance, CoverageIndex index)
    {
        _weight = instance.DemandWeight;
        _covers = instance.SiteCovers;
        _cost = instance.SiteCost;
        _index = index;
        _count = new int[instance.DemandCount];
        _siteSum = new long[instance.DemandCount];
        _chosen = new bool[instance.SiteCount];
        _deltaCover = new double[instance.SiteCount];
        _deltaOverlap = new double[instance.SiteCount];
        for (var j = 0; j < _covers.Length; j++)
        {
            var sum = 0.0;
            foreach (var i in _covers[j])
            {
                sum += _weight[i];
            }

            _deltaCover[j] = sum;
        }
    }

    /// <summary>Covered demand weight (uncapacitated).</summary>
    public double Covered { get; private set; }

    /// <summary>Sum over demand of weight x (coverers - 1)⁺.</summary>
    public double Overlap { get; private set; }

    /// <summary>Total cost of the chosen sites.</summary>
    public double Cost { get; private set; }

    /// <summary>Number of chosen sites.</summary>
    public int ChosenCount { get; private set; }

    /// <summary>Whether each site is chosen (read-only view).</summary>
    public ReadOnlySpan<bool> Chosen => _chosen;

    /// <summary>Number of chosen sites covering each demand point.</summary>
    public ReadOnlySpan<int> Count => _count;

    /// <summary>Whether site <paramref name="j"/> is chosen.</summary>
    public bool IsChosen(int j) => _chosen[j];

    /// <summary>Change in covered weight if <paramref name="j"/> were flipped.</summary>
    public double DeltaCover(int j) => _deltaCover[j];

    /// <summary>Change in overlap if <paramref name="j"/> were flipped.</summary>
    public double DeltaOverlap(int j) => _deltaOverlap[j];

    /// <summary>Change in covered - penalty x overlap if <paramref name="j"/> were flipped.</summary>
    public double Delta(int j, double penalty) => _deltaCover[j] - (penalty * _deltaOverlap[j]);

    /// <summary>The only chosen site covering demand <paramref name="i"/>, or -1 when it has 0 or several coverers.</summary>
    public int UniqueCoverer(int i) => _count[i] == 1 ? (int)_siteSum[i] : -1;

    /// <summary>
    /// Change in covered - penalty x overlap if unchosen <paramref name="add"/> were added and chosen
    /// <paramref name="remove"/> removed, in O(|covers(add)|).
    /// </summary>
    public double SwapDelta(int add, int remove, double penalty)
    {
        var shared = 0.0;
        foreach (var i in _covers[add])
        {
            if (_count[i] == 1 && _siteSum[i] == remove)
            {
                shared += _weight[i];
            }
        }

        return Delta(add, penalty) + Delta(remove, penalty) + ((1 + penalty) * shared);
    }

    /// <summary>Adds <paramref name="j"/> if unchosen, removes it if chosen, updating every delta.</summary>
    public void Flip(int j)
    {
        var adding = !_chosen[j];
        _chosen[j] = adding;
        Covered += _deltaCover[j];
        Overlap += _deltaOverlap[j];
        Cost += adding ? _cost[j] : -_cost[j];
        ChosenCount += adding ? 1 : -1;
        _deltaCover[j] = -_deltaCover[j];
        _deltaOverlap[j] = -_deltaOverlap[j];
        var sites = _index.Sites;
        foreach (var i in _covers[j])
        {
            var before = _count[i];
            var after = adding ? before + 1 : before - 1;
            _count[i] = after;
            _siteSum[i] += adding ? j : -j;

            // only the transitions 0<->1 and 1<->2 change other sites' contributions
            if (before >= 2 && after >= 2)
            {
                continue;
            }

            var w = _weight[i];
            for (var k = _index.Start[i]; k < _index.Start[i + 1]; k++)
            {
                var s = sites[k];
                if (s == j)
                {
                    continue;
                }

                var chosen = _chosen[s];
                _deltaCover[s] += ContributionCover(chosen, after, w) - ContributionCover(chosen, before, w);
                _deltaOverlap[s] += ContributionOverlap(chosen, after, w) - ContributionOverlap(chosen, before, w);
            }
        }
    }

    // a demand point's share in the flip delta of a site covering it, given its current coverer count
    private static double ContributionCover(bool chosen, int count, double w) =>
        chosen ? (count == 1 ? -w : 0.0) : (count == 0 ? w : 0.0);

    private static double ContributionOverlap(bool chosen, int count, double w) =>
        chosen ? (count >= 2 ? -w : 0.0) : (count >= 1 ? w : 0.0);
}
