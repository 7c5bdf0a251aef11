using Quanet.Operations.Ingestion;

namespace Quanet.Operations.Correlation;

// Applying alarm changes: the alarm list, joining open incidents, waiting for the settle time.
public sealed partial class AlarmCorrelator
{
    private void Apply(AlarmChange change)
    {
        var alarm = change.Alarm;
        switch (change.Kind)
        {
            case AlarmChangeKind.Raised:
                _active[alarm.AlarmId] = alarm;
                _activeKeys[KeyOf(alarm)] = alarm.AlarmId;
                if (!TryAttach(alarm))
                {
                    _pending.Add(alarm);
                }

                break;
            case AlarmChangeKind.Cleared:
                _active.Remove(alarm.AlarmId);
                _activeKeys.Remove(KeyOf(alarm));
                if (_incidentOfAlarm.TryGetValue(alarm.AlarmId, out var incident))
                {
                    var entry = incident.Alarms.Find(a => a.AlarmId == alarm.AlarmId);
                    entry?.Cleared = true;
                    incident.UpdatedMicros = Math.Max(incident.UpdatedMicros, alarm.ChangedMicros);
                    if (incident.IsOpen && incident.Alarms.TrueForAll(a => a.Cleared))
                    {
                        incident.ResolvedMicros = alarm.ChangedMicros;
                        IncidentResolved?.Invoke(incident);
                    }
                }
                else
                {
                    var i = _pending.FindIndex(p => p.AlarmId == alarm.AlarmId);
                    if (i >= 0)
                    {
                        _pending[i] = alarm;
                    }
                }

                break;
            default:
                if (_active.ContainsKey(alarm.AlarmId))
                {
                    _active[alarm.AlarmId] = alarm;
                }

                break;
        }
    }

    private bool TryAttach(AlarmRecord alarm)
    {
        var key = KeyOf(alarm);
        for (var i = _incidents.Count - 1; i >= 0; i--)
        {
            var incident = _incidents[i];
            if (!incident.IsOpen)
            {
                continue;
            }

            var h = _hypothesisOf[incident.Id];
            var why = h?.Explain(key)
                ?? (h is null && incident.RootCause == alarm.Source ? $"another alarm on {alarm.Source}, grouped with its open incident" : null);
            if (why is null)
            {
                continue;
            }

            Attach(incident, alarm, why);
            return true;
        }

        return false;
    }

    private void Attach(Incident incident, AlarmRecord alarm, string why)
    {
        incident.Alarms.Add(new IncidentAlarm
        {
            AlarmId = alarm.AlarmId,
            Condition = alarm.Condition,
            Source = alarm.Source,
            Interface = alarm.Interface,
            RaisedMicros = alarm.RaisedMicros,
            Cleared = !alarm.IsActive,
            Explanation = why,
        });
        incident.UpdatedMicros = Math.Max(incident.UpdatedMicros, alarm.ChangedMicros);
        _incidentOfAlarm[alarm.AlarmId] = incident;
    }
}
