using Quanet.Operations.Ingestion;

namespace Quanet.Operations.Correlation;

/// <summary>
/// Keeps events that would stall or distort event-time correlation out of the stream: events whose time lies
/// outside the clock-skew window around the stream's event-time watermark (the latest admitted
/// lastEpochMicrosec), and repeats of an admitted event (same sourceName, eventId and sequence). A single
/// event stamped in the year 4822 would otherwise move the correlator's clock past every settle time and
/// sit first in the waiting list forever. Quarantined events are counted by reason and go no further.
/// </summary>
/// <remarks>
/// The first batch has no watermark yet: its median lastEpochMicrosec stands in, so one hostile event among
/// the first events cannot become the reference (a first batch of one or two events has to be believed).
/// A startEpochMicrosec far in the past is allowed: a repeat of a long-standing alarm carries the time it was
/// first raised. Thread-safe; events are judged in the order of the calls.
/// </remarks>
internal sealed class EventQuarantine(TimeSpan clockSkew)
{
    public const string AheadOfStream = "ahead_of_stream";
    public const string BehindStream = "behind_stream";
    public const string DuplicateEvent = "duplicate_event";

    private readonly long _skew = (long)clockSkew.TotalMicroseconds;
    private readonly HashSet<(string Source, string Id, long Sequence)> _seen = [];
    private readonly Queue<(long Micros, (string, string, long) Key)> _seenOrder = new();
    private readonly SortedDictionary<string, long> _reasons = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long? _watermark;
    private long _total;

    /// <summary>The events quarantined so far.</summary>
    public QuarantineCounts Counts
    {
        get
        {
            lock (_lock)
            {
                return new QuarantineCounts(_total, new Dictionary<string, long>(_reasons, StringComparer.Ordinal));
            }
        }
    }

    /// <summary>The admitted part of <paramref name="events"/>, in order (the list itself when all are admitted).</summary>
    public IReadOnlyList<VesEvent> Admit(IReadOnlyList<VesEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (_lock)
        {
            var reference = _watermark ?? MedianLast(events);
            List<VesEvent>? admitted = null;
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                var reason = Judge(e, _watermark ?? reference);
                if (reason is null)
                {
                    admitted?.Add(e);
                    Remember(e);
                    continue;
                }

                admitted ??= [.. events.Take(i)];
                _total++;
                _reasons[reason] = _reasons.GetValueOrDefault(reason) + 1;
            }

            return admitted ?? events;
        }
    }

    private string? Judge(VesEvent e, long reference)
    {
        if (Exceeds(e.LastEpochMicrosec, reference) || Exceeds(e.StartEpochMicrosec, reference))
        {
            return AheadOfStream;
        }

        if (Exceeds(reference, e.LastEpochMicrosec))
        {
            return BehindStream;
        }

        return _seen.Contains((e.SourceName, e.EventId, e.Sequence)) ? DuplicateEvent : null;
    }

    /// <summary>Whether <paramref name="later"/> lies more than the clock skew after <paramref name="earlier"/> (exact for any two longs).</summary>
    private bool Exceeds(long later, long earlier) => later > earlier && unchecked((ulong)(later - earlier)) > (ulong)_skew;

    /// <summary>Advances the watermark and remembers the event's identity while it can still be repeated within the window.</summary>
    private void Remember(VesEvent e)
    {
        var key = (e.SourceName, e.EventId, e.Sequence);
        _seen.Add(key);
        _seenOrder.Enqueue((e.LastEpochMicrosec, key));
        var watermark = Math.Max(_watermark ?? e.LastEpochMicrosec, e.LastEpochMicrosec);
        _watermark = watermark;

        // a repeat of an event older than the window is refused as behind the stream anyway
        while (_seenOrder.TryPeek(out var oldest) && Exceeds(watermark, oldest.Micros))
        {
            _seen.Remove(_seenOrder.Dequeue().Key);
        }
    }

    private static long MedianLast(IReadOnlyList<VesEvent> events)
    {
        if (events.Count == 0)
        {
            return 0;
        }

        var times = new long[events.Count];
        for (var i = 0; i < times.Length; i++)
        {
            times[i] = events[i].LastEpochMicrosec;
        }

        Array.Sort(times);
        return times[(times.Length - 1) / 2];
    }
}
