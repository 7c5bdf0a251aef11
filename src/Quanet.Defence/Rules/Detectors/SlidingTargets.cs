namespace Quanet.Defence.Rules.Detectors;

/// <summary>Distinct targets per actor within a sliding time window.</summary>
internal sealed class SlidingTargets(TimeSpan window)
{
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _byActor = new(StringComparer.Ordinal);

    /// <summary>Records a target for an actor and returns how many distinct targets it touched within the window.</summary>
    public int Add(string actor, string target, DateTimeOffset at)
    {
        if (!_byActor.TryGetValue(actor, out var targets))
        {
            targets = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            _byActor[actor] = targets;
        }

        targets[target] = at;
        if (targets.Count > 16)
        {
            // prune lazily; amortised O(1) per event
            List<string>? stale = null;
            foreach (var (key, seen) in targets)
            {
                if (at - seen > window)
                {
                    (stale ??= []).Add(key);
                }
            }

            if (stale is not null)
            {
                foreach (var key in stale)
                {
                    targets.Remove(key);
                }
            }
        }

        var count = 0;
        foreach (var (_, seen) in targets)
        {
            count += at - seen <= window ? 1 : 0;
        }

        return count;
    }
}
