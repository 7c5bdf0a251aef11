namespace Quanet.Kme.Relay;

/// <summary>
/// A source of relay paths other than this KME's own <see cref="RelayRouter"/>, such as the network's SDN
/// controller. <see cref="RelayService"/> asks it first and falls back to its own router when it has no answer.
/// </summary>
internal interface IPathSource
{
    /// <summary>Up to <paramref name="count"/> paths from <paramref name="from"/> to <paramref name="to"/> (both ends included), best first; null when the source cannot answer now.</summary>
    Task<IReadOnlyList<List<string>>?> PathsAsync(string from, string to, int count);

    /// <summary>Tells the source that a relay failed on <paramref name="link"/> (a link name <c>A|B</c>), so that it routes around it at once.</summary>
    void ReportFailure(string link);
}
