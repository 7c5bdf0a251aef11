namespace Quanet.Planning.Placement;

/// <summary>
/// The transpose of <see cref="CoverageInstance.SiteCovers"/>: for every demand point the sites that
/// cover it, stored as CSR arrays so that incremental coverage updates touch only neighbours.
/// </summary>
internal sealed class CoverageIndex
{
    private CoverageIndex(int[] start, int[] sites)
    {
        Start = start;
        Sites = sites;
    }

    /// <summary>The sites covering demand i are <c>Sites[Start[i]..Start[i + 1]]</c>, ascending.</summary>
    public int[] Start { get; }

    /// <summary>CSR site indices.</summary>
    public int[] Sites { get; }

    /// <summary>Number of sites covering demand <paramref name="i"/>.</summary>
    public int Degree(int i) => Start[i + 1] - Start[i];

    /// <summary>The sites covering demand <paramref name="i"/>.</summary>
    public ReadOnlySpan<int> SitesOf(int i) => Sites.AsSpan(Start[i], Start[i + 1] - Start[i]);

    /// <summary>Builds the index in O(demand + sites + nnz).</summary>
    public static CoverageIndex Build(CoverageInstance instance)
    {
        var start = new int[instance.DemandCount + 1];
        foreach (var covers in instance.SiteCovers)
        {
            foreach (var i in covers)
            {
                start[i + 1]++;
            }
        }

        for (var i = 0; i < instance.DemandCount; i++)
        {
            start[i + 1] += start[i];
        }

        var fill = (int[])start.Clone();
        var sites = new int[start[instance.DemandCount]];
        for (var j = 0; j < instance.SiteCount; j++)
        {
            foreach (var i in instance.SiteCovers[j])
            {
                sites[fill[i]++] = j;
            }
        }

        return new CoverageIndex(start, sites);
    }
}
