using Quanet.Core;

namespace Quanet.Cluster.Ingestion;

/// <summary>The ingestion log did not acknowledge a write in time: no quorum of its servers was reachable.</summary>
public sealed class EventLogUnavailableException : QuanetException
{
    /// <summary>An exception with <paramref name="message"/>.</summary>
    public EventLogUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>An exception with <paramref name="message"/> caused by <paramref name="inner"/>.</summary>
    public EventLogUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
