using System.Threading.Channels;

namespace Quanet.Operations.Ingestion;

// The writer loop: group commit, alarm-row flushing and publication.
public sealed partial class IngestionPipeline
{
    private async Task WriteLoopAsync()
    {
        var reader = _channel.Reader;
        var items = new List<WorkItem>();
        var changes = new List<AlarmChange>();
        var events = new List<VesEvent>();
        while (await WaitForWorkAsync(reader))
        {
            items.Clear();
            var size = 0;
            while (size < MaxEventsPerTransaction && reader.TryRead(out var item))
            {
                items.Add(item);
                size += item.Size;
            }

            Write(items, changes, events);
        }

        if (_deferred.Count > 0)
        {
            items.Clear();
            Write(items, changes, events);
        }
    }

    /// <summary>
    /// Waits for work, or (while repeats are deferred) until their sync is due; false once the channel
    /// is completed and drained.
    /// </summary>
    private async ValueTask<bool> WaitForWorkAsync(ChannelReader<WorkItem> reader)
    {
        if (_deferred.Count == 0)
        {
            return await reader.WaitToReadAsync();
        }

        var remaining = _syncInterval - _time.GetElapsedTime(_lastSync);
        if (remaining <= TimeSpan.Zero)
        {
            return true;
        }

        using var due = new CancellationTokenSource(remaining, _time);
        try
        {
            return await reader.WaitToReadAsync(due.Token);
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    /// <summary>Applies <paramref name="items"/> (possibly none: a sync) in one transaction, then completes and publishes them.</summary>
    private void Write(List<WorkItem> items, List<AlarmChange> changes, List<VesEvent> events)
    {
        changes.Clear();
        events.Clear();
        _dirty.Clear();
        try
        {
            _store.Begin();
            lock (_active)
            {
                foreach (var item in items)
                {
                    item.Apply(this, changes, events);
                }
            }

            foreach (var participant in Participants())
            {
                participant.Write(events, _store);
            }

            // no items: woken (or stopping) to write the deferred repeats
            FlushAlarms(sync: items.Count == 0 || _time.GetElapsedTime(_lastSync) >= _syncInterval);
            _store.Commit();
        }
#pragma warning disable CA1031 // the writer must survive a failed transaction and report it to the submitters
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _store.Rollback();
            Reload();
            foreach (var participant in Participants())
            {
                participant.RolledBack(_store);
            }

            foreach (var item in items)
            {
                item.Fail(ex);
            }

            return;
        }

        // subscribers (the correlator) see the batch before its submitters resume, so whoever awaited a
        // submission reads a correlation that includes it; completing first let a replay flush the
        // correlator before its last batch arrived (0 incidents on a loaded machine)
        try
        {
            if (changes.Count > 0 || events.Count > 0)
            {
                Publish(new CommittedBatch([.. events], [.. changes]));
            }
        }
        finally
        {
            foreach (var item in items)
            {
                item.Complete();
            }
        }
    }

    private ICommitParticipant[] Participants()
    {
        lock (_subscribers)
        {
            return _participants;
        }
    }

    private void Publish(CommittedBatch batch)
    {
        Action<CommittedBatch>[] subscribers;
        lock (_subscribers)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber(batch);
        }
    }

    /// <summary>
    /// Writes every alarm changed in this transaction once, in its final state, by ascending id; with
    /// <paramref name="sync"/> also the deferred repeats, and records that alarm rows are in step.
    /// </summary>
    /// <remarks>
    /// Ascending id keeps the unique index on active (source, condition, interface) satisfied at every
    /// step: a key's older alarm is always closed before a newer one for the same key is written active.
    /// </remarks>
    private void FlushAlarms(bool sync)
    {
        if (sync)
        {
            foreach (var (id, alarm) in _deferred)
            {
                _dirty.TryAdd(id, alarm);
            }
        }

        _dirtyIds.Clear();
        foreach (var id in _dirty.Keys)
        {
            _dirtyIds.Add(id);
        }

        _dirtyIds.Sort();
        foreach (var id in _dirtyIds)
        {
            _store.WriteAlarm(_dirty[id]);
        }

        if (sync)
        {
            _store.SetSyncedSeq(_lastSeq);
            _deferred.Clear();
            _lastSync = _time.GetTimestamp();
        }
    }
}
