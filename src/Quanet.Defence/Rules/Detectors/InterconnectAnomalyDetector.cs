using Quanet.Defence.Model;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Rules.Detectors;

/// <summary>
/// Per-interconnect anomaly score: events per window (signalling, flows, commands attributed to the interconnect)
/// against an exponentially weighted mean and variance of the past windows; a z-score above the threshold after
/// the warm-up is a hit. Streaming, no look-ahead.
/// </summary>
internal sealed class InterconnectAnomalyDetector : Detector
{
    private const double Alpha = 0.05;
    private readonly TimeSpan _window;
    private readonly double _threshold;
    private readonly int _warmup;
    private readonly Dictionary<string, State> _states = new(StringComparer.Ordinal);

    public InterconnectAnomalyDetector(DetectionRule rule)
        : base(rule)
    {
        var p = new RuleParameters(rule.Parameters);
        _window = p.Seconds("window_seconds", 60);
        _threshold = p.Number("z_threshold", 6, min: 1);
        _warmup = p.Count("warmup_windows", 30, min: 1);
    }

    /// <summary>The latest anomaly z-score per interconnect.</summary>
    public IReadOnlyDictionary<string, double> Scores => _states.ToDictionary(kv => kv.Key, kv => kv.Value.LastZ, StringComparer.Ordinal);

    public override void Inspect(SecurityEvent ev, DefenceInventory inventory, List<Detection> hits)
    {
        var ic = ev switch
        {
            SignallingEvent s => s.Interconnect,
            FlowEvent f => inventory.BySourceAddress(f.Source)?.Id,
            CommandEvent c => inventory.BySourceAddress(c.Source)?.Id,
            _ => null,
        };
        if (ic is null)
        {
            return;
        }

        if (!_states.TryGetValue(ic, out var state))
        {
            state = new State { WindowStart = ev.Timestamp };
            _states[ic] = state;
        }

        while (ev.Timestamp - state.WindowStart >= _window)
        {
            state.Close();
            state.WindowStart += _window;
        }

        state.Count++;
        if (state.Windows >= _warmup)
        {
            var sd = Math.Sqrt(Math.Max(state.Variance, 1.0));
            state.LastZ = (state.Count - state.Mean) / sd;
            if (state.LastZ > _threshold)
            {
                Hit(hits, ic, ic, ev, $"{state.Count} events this window on {ic} against a mean of {state.Mean:F1} (z = {state.LastZ:F1})");
            }
        }
    }

    private sealed class State
    {
        public DateTimeOffset WindowStart { get; set; }

        public int Count { get; set; }

        public int Windows { get; private set; }

        public double Mean { get; private set; }

        public double Variance { get; private set; }

        public double LastZ { get; set; }

        public void Close()
        {
            if (Windows == 0)
            {
                Mean = Count;
            }
            else
            {
                var diff = Count - Mean;
                Mean += Alpha * diff;
                Variance = (1 - Alpha) * (Variance + (Alpha * diff * diff));
            }

            Windows++;
            Count = 0;
        }
    }
}
