using System.Globalization;
using System.Net;
using System.Text;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Simulation;

/// <summary>The telemetry each injected attack leaves, from its first event on.</summary>
internal sealed class AttackGenerator(Random rng)
{
    /// <summary>Adds the attack's telemetry; <paramref name="id"/> numbers attacks overall, <paramref name="index"/> within the kind.</summary>
    public InjectedAttack Inject(AttackKind kind, int id, int index, DateTimeOffset start, List<TelemetryItem> items)
    {
        return kind switch
        {
            AttackKind.DiscoveryIntrusion => Intrusion(id, index, start, items),
            AttackKind.Ss7LocationTracking => Tracking(id, index, start, items),
            AttackKind.BgpHijack => Hijack(id, index, start, items),
            _ => Scan(id, index, start, items),
        };
    }

    // attackers pivot from the wireline partner: probe SSH on routers, log in, discover, try to configure, scan
    private InjectedAttack Intrusion(int id, int index, DateTimeOffset t0, List<TelemetryItem> items)
    {
        var src = IPAddress.Parse($"203.0.113.{60 + (index % 30)}");
        for (var h = 0; h < 5; h++)
        {
            Add(items, id, new FlowEvent(t0.AddSeconds(4 * h), src, IPAddress.Parse($"198.18.0.{1 + h}"), 40_000 + h, 22, "TCP", 4_000, 20));
        }

        string[] commands = ["show version", "show running-config", "show ip bgp summary", "show cdp neighbors", "configure terminal"];
        for (var c = 0; c < commands.Length; c++)
        {
            Add(items, id, new CommandEvent(t0.AddSeconds(25 + (15 * c)), "pe1", "svc-backup", src, commands[c]));
        }

        for (var s = 0; s < 40; s++)
        {
            Add(items, id, new FlowEvent(t0.AddSeconds(100 + (0.7 * s)), src, IPAddress.Parse($"198.18.0.{rng.Next(1, 254)}"), 41_000 + s, rng.Next(1, 10_000), "TCP", 60, 1));
        }

        return new InjectedAttack($"A{id:D3}", AttackKind.DiscoveryIntrusion, "ix-wireline-a", src.ToString(), t0);
    }

    private InjectedAttack Tracking(int id, int index, DateTimeOffset t0, List<TelemetryItem> items)
    {
        var gt = "3460000099" + index.ToString(CultureInfo.InvariantCulture);
        for (var q = 0; q < 15; q++)
        {
            var imsi = DefenceScenario.HomeImsi + rng.Next(0, 2_000).ToString("D10", CultureInfo.InvariantCulture);
            var op = q % 3 == 2 ? "provideSubscriberInfo" : "anyTimeInterrogation";
            Add(items, id, new SignallingEvent(t0.AddSeconds(20 * q), "ss7-hub-y", "MAP", op, gt, "491500000001", imsi, null));
        }

        return new InjectedAttack($"A{id:D3}", AttackKind.Ss7LocationTracking, "ss7-hub-y", gt, t0);
    }

    private InjectedAttack Hijack(int id, int index, DateTimeOffset t0, List<TelemetryItem> items)
    {
        var origin = 206_600 + index;
        var third = 10 + (index % 200);
        Add(items, id, new BgpUpdateEvent(t0, 206103, IPNetwork.Parse($"198.18.{third}.0/25"), [206103, origin], false));
        Add(items, id, new BgpUpdateEvent(t0.AddSeconds(30), 206103, IPNetwork.Parse($"198.18.{third}.128/25"), [206103, origin], false));
        return new InjectedAttack($"A{id:D3}", AttackKind.BgpHijack, "ix-transit-c", $"AS{origin}", t0);
    }

    private InjectedAttack Scan(int id, int index, DateTimeOffset t0, List<TelemetryItem> items)
    {
        var src = IPAddress.Parse($"198.51.100.{70 + (index % 25)}");
        for (var s = 0; s < 150; s++)
        {
            Add(items, id, new FlowEvent(t0.AddSeconds(0.4 * s), src, IPAddress.Parse($"198.19.{rng.Next(256)}.{rng.Next(1, 254)}"), 50_000, Pick([22, 23, 80, 443, 445, 3389, 8080]), "TCP", 60, 1));
        }

        Add(items, id, new IdsAlertEvent(t0.AddSeconds(5), src, IPAddress.Parse("198.19.0.10"), 445, 2009582, "ET SCAN NMAP -sS window 1024", 2, "Attempted Information Leak"));
        return new InjectedAttack($"A{id:D3}", AttackKind.Scanning, "ix-transit-b", src.ToString(), t0);
    }

    private static void Add(List<TelemetryItem> items, int attack, SecurityEvent ev) =>
        items.Add(new TelemetryItem(ev.Timestamp, ev.Kind, Encoding.UTF8.GetBytes(TelemetryFormatter.Format(ev)), attack));

    private int Pick(int[] items) => items[rng.Next(items.Length)];
}
