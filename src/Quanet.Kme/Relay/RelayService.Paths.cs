namespace Quanet.Kme.Relay;

/// <summary>Where a relay's paths come from: the <see cref="IPathSource"/> if one answers, else this KME's own router.</summary>
internal sealed partial class RelayService
{
    private IPathSource? _pathSource;

    /// <summary>Consults <paramref name="source"/> (e.g. the SDN controller) for paths before this KME's own router.</summary>
    public void UsePathSource(IPathSource source) => _pathSource = source;

    private async Task<IReadOnlyList<List<string>>> PathsAsync(string destination)
    {
        if (_pathSource is { } source && await source.PathsAsync(_directory.Self, destination, PathsPerRound).ConfigureAwait(false) is { Count: > 0 } given)
        {
            // A link this KME saw fail a moment ago goes last even if the source has not heard of it yet.
            var ordered = new List<List<string>>(given.Count);
            ordered.AddRange(given.Where(p => !AnyDown(p)));
            ordered.AddRange(given.Where(AnyDown));
            return ordered;
        }

        return _router.Paths(_directory.Self, destination, PathsPerRound, FirstHopLevel, _health.IsDown);
    }

    private void ReportFailed(string link) => _pathSource?.ReportFailure(link);

    private bool AnyDown(List<string> path)
    {
        for (var i = 1; i < path.Count; i++)
        {
            if (_health.IsDown(Service.SaeDirectory.LinkName(path[i - 1], path[i])))
            {
                return true;
            }
        }

        return false;
    }
}
