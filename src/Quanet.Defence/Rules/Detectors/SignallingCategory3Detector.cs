using Quanet.Core.Geodesy;
using Quanet.Defence.Model;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Rules.Detectors;

/// <summary>
/// GSMA FS.11 category 3: location plausibility. A subscriber reported in another country sooner than
/// travel at <c>max_speed_kmh</c> between the two countries' reference points allows is implausible.
/// </summary>
internal sealed class SignallingCategory3Detector : Detector
{
    private readonly HashSet<string> _operations;
    private readonly double _maxSpeedKmh;
    private readonly Dictionary<string, (double Lat, double Lon)> _countries;
    private readonly Dictionary<string, (string Country, DateTimeOffset At)> _lastSeen = new(StringComparer.Ordinal);

    public SignallingCategory3Detector(DetectionRule rule)
        : base(rule)
    {
        var p = new RuleParameters(rule.Parameters);
        _operations = Set(p.Strings("operations"));
        _maxSpeedKmh = p.Number("max_speed_kmh", 900, min: 1);
        _countries = p.Coordinates("countries");
    }

    public override void Inspect(SecurityEvent ev, DefenceInventory inventory, List<Detection> hits)
    {
        if (ev is not SignallingEvent { Imsi: { } imsi, Country: { } country } s || !_operations.Contains(s.Operation))
        {
            return;
        }

        if (_lastSeen.TryGetValue(imsi, out var last) && !string.Equals(last.Country, country, StringComparison.OrdinalIgnoreCase)
            && _countries.TryGetValue(last.Country, out var a) && _countries.TryGetValue(country, out var b))
        {
            var km = GreatCircle.DistanceKilometres(a.Lat, a.Lon, b.Lat, b.Lon);
            var hours = Math.Max((ev.Timestamp - last.At).TotalHours, 1e-6);
            if (km / hours > _maxSpeedKmh)
            {
                Hit(hits, s.Interconnect, s.CallingAddress, ev, $"IMSI {imsi} moved {last.Country} -> {country} ({km:F0} km) in {hours * 60:F1} min");
            }
        }

        _lastSeen[imsi] = (country, ev.Timestamp);
    }
}
