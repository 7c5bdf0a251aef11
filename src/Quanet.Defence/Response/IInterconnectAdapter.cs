namespace Quanet.Defence.Response;

/// <summary>
/// The device side of a response: shuts an interconnect (BGP session / link / signalling association) or filters
/// one actor on it (ACL entry, SCCP GT screening, prefix filter). Every change returns a token that reverts it.
/// </summary>
public interface IInterconnectAdapter
{
    /// <summary>Shuts the interconnect; returns the change's id.</summary>
    string Isolate(string interconnect, DateTimeOffset at);

    /// <summary>Filters <paramref name="actor"/> on the interconnect; returns the change's id.</summary>
    string Filter(string interconnect, string actor, DateTimeOffset at);

    /// <summary>Reverts the change <paramref name="changeId"/>.</summary>
    void Revert(string changeId, DateTimeOffset at);

    /// <summary>Interconnects currently shut.</summary>
    IReadOnlyCollection<string> Isolated { get; }

    /// <summary>Whether <paramref name="actor"/> is filtered (or its interconnect shut) on <paramref name="interconnect"/>.</summary>
    bool Blocks(string interconnect, string actor);
}
