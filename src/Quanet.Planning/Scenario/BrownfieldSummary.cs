namespace Quanet.Planning.Scenario;

/// <summary>
/// What a plan does with the existing sites (candidate flag <c>existing</c>): which it keeps, which it removes, and how
/// many new sites it builds, with what each part costs.
/// </summary>
/// <param name="Kept">Ids of the existing sites kept.</param>
/// <param name="Removed">Ids of the existing sites removed.</param>
/// <param name="New">Number of new sites built.</param>
/// <param name="KeepCost">Keep cost of the kept sites (their own cost).</param>
/// <param name="RemovalCost">Removal cost of the removed sites.</param>
/// <param name="BuildCost">Build cost of the new sites.</param>
public sealed record BrownfieldSummary(IReadOnlyList<string> Kept, IReadOnlyList<string> Removed, int New, double KeepCost, double RemovalCost, double BuildCost)
{
    /// <summary>Total cost: keep + removal + build.</summary>
    public double TotalCost => KeepCost + RemovalCost + BuildCost;

    /// <summary>The summary of <paramref name="plan"/>, or null when the scenario has no existing site.</summary>
    public static BrownfieldSummary? Of(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sites = plan.Scenario.Sites;
        var chosen = new bool[sites.Count];
        foreach (var j in plan.Result.Sites)
        {
            chosen[j] = true;
        }

        var any = false;
        var kept = new List<string>();
        var removed = new List<string>();
        int built = 0;
        double keep = 0, removal = 0, build = 0;
        for (var j = 0; j < sites.Count; j++)
        {
            var site = sites[j];
            any |= site.Existing;
            if (site.Existing && chosen[j])
            {
                kept.Add(site.Id);
                keep += site.Cost;
            }
            else if (site.Existing)
            {
                removed.Add(site.Id);
                removal += plan.Scenario.Request.Capacity.RemovalCost;
            }
            else if (chosen[j])
            {
                built++;
                build += site.Cost;
            }
        }

        return any ? new BrownfieldSummary(kept, removed, built, keep, removal, build) : null;
    }

    /// <summary>The status of site <paramref name="site"/> in <paramref name="plan"/>: kept, removed, new, or null for a candidate neither built nor existing.</summary>
    public static string? Status(Plan plan, int site)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var existing = plan.Scenario.Sites[site].Existing;
        var chosen = Array.IndexOf(plan.Result.Sites, site) >= 0;
        return (existing, chosen) switch
        {
            (true, true) => "kept",
            (true, false) => "removed",
            (false, true) => "new",
            _ => null,
        };
    }
}
