namespace Quanet.Defence.Response;

/// <summary>An in-memory stand-in for the routers and signalling firewalls, with a fixed time to apply a change.</summary>
public sealed class SimulatedInterconnectAdapter : IInterconnectAdapter
{
    private readonly Dictionary<string, (string Interconnect, string? Actor)> _changes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _isolated = new(StringComparer.Ordinal);
    private readonly HashSet<(string, string)> _filters = [];
    private int _next;

    /// <summary>How long a change takes to take effect on the device. <value>Default 2 s.</value></summary>
    public TimeSpan ApplyLatency { get; init; } = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    public IReadOnlyCollection<string> Isolated => _isolated;

    /// <inheritdoc />
    public string Isolate(string interconnect, DateTimeOffset at)
    {
        _isolated.Add(interconnect);
        return Record(interconnect, null);
    }

    /// <inheritdoc />
    public string Filter(string interconnect, string actor, DateTimeOffset at)
    {
        _filters.Add((interconnect, actor));
        return Record(interconnect, actor);
    }

    /// <inheritdoc />
    public void Revert(string changeId, DateTimeOffset at)
    {
        if (!_changes.Remove(changeId, out var change))
        {
            throw new KeyNotFoundException($"no change '{changeId}' to revert");
        }

        if (change.Actor is null)
        {
            _isolated.Remove(change.Interconnect);
        }
        else
        {
            _filters.Remove((change.Interconnect, change.Actor));
        }
    }

    /// <inheritdoc />
    public bool Blocks(string interconnect, string actor) => _isolated.Contains(interconnect) || _filters.Contains((interconnect, actor));

    private string Record(string interconnect, string? actor)
    {
        var id = $"chg-{++_next}";
        _changes[id] = (interconnect, actor);
        return id;
    }
}
