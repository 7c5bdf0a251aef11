using Quanet.Defence.Model;
using Quanet.Defence.Response;
using Quanet.Defence.Rules;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Simulation;

/// <summary>
/// Runs the defence engine over simulated days of benign interconnect telemetry with injected attacks of known
/// ground truth, every line going through the real parser, and measures detection, containment, false
/// positives and customer traffic lost. Seeded: the same options give the same report.
/// </summary>
public static class InterconnectAttackSimulation
{
    /// <summary>Runs the simulation with the default scenario and rules.</summary>
    /// <param name="options">Days, attacks and seed.</param>
    /// <param name="rules">The rules in force; default the shipped rules.</param>
    /// <param name="policy">The response policy; default <see cref="ResponsePolicy"/>'s defaults.</param>
    /// <param name="cancellationToken">Checked once per simulated day.</param>
    /// <param name="progress">Told the number of days simulated so far after each day.</param>
    public static DefenceSimulationReport Run(
        DefenceSimulationOptions options, RuleSet? rules = null, ResponsePolicy? policy = null, CancellationToken cancellationToken = default, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Days, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.AttacksPerKind);
        var inventory = DefenceScenario.Inventory();
        var adapter = new SimulatedInterconnectAdapter();
        var engine = new DefenceEngine(inventory, rules ?? RuleSetLoader.Default(), adapter, policy);
        var parser = new TelemetryParser();
        var rng = new Random(options.Seed);
        var background = new BackgroundGenerator(rng);
        var attacker = new AttackGenerator(rng);

        // attack start times: whole minutes between 00:30 and 23:00 of a random day, so an attack never spans midnight
        var schedule = new List<(int Day, AttackKind Kind, int Index, TimeSpan At)>();
        foreach (var kind in Enum.GetValues<AttackKind>())
        {
            for (var k = 0; k < options.AttacksPerKind; k++)
            {
                schedule.Add((rng.Next(options.Days), kind, k, TimeSpan.FromMinutes(rng.Next(30, 23 * 60))));
            }
        }

        var attacks = new List<InjectedAttack>();
        var attackOf = new Dictionary<SecurityEvent, int>(ReferenceEqualityComparer.Instance);
        var blocked = 0;
        var leaked = 0;
        long events = 0;
        var maxLost = 0.0;
        var items = new List<TelemetryItem>();
        var restore = new PriorityQueue<string, DateTimeOffset>();
        var audited = 0;
        var rollbacks = 0;
        for (var day = 0; day < options.Days; day++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            items.Clear();
            var dayStart = options.Start.AddDays(day);
            background.Day(dayStart, items);
            foreach (var (d, kind, index, at) in schedule)
            {
                if (d == day)
                {
                    attacks.Add(attacker.Inject(kind, attacks.Count, index, dayStart + at, items));
                }
            }

            items.Sort(static (a, b) => a.At.CompareTo(b.At));
            foreach (var item in items)
            {
                if (parser.Parse(item.Kind, item.Line) is not { } ev)
                {
                    continue;
                }

                events++;
                while (restore.TryPeek(out var incident, out var due) && due <= ev.Timestamp)
                {
                    restore.Dequeue();
                    rollbacks += engine.Rollback(incident, due) > 0 ? 1 : 0;
                }

                if (IsBlocked(ev, inventory, adapter))
                {
                    if (item.Attack >= 0)
                    {
                        blocked++;
                    }

                    continue;
                }

                if (item.Attack >= 0)
                {
                    attackOf[ev] = item.Attack;
                    if (attacks[item.Attack].Start < ev.Timestamp && Contained(engine, attacks[item.Attack], ev.Timestamp))
                    {
                        leaked++;
                    }
                }

                var isolatedBefore = adapter.Isolated.Count;
                engine.Process(ev);
                for (; audited < engine.Audit.Count; audited++)
                {
                    if (engine.Audit[audited] is { Action: "isolate" or "filter" } change)
                    {
                        restore.Enqueue(change.Incident, change.At + options.RestoreAfter);
                    }
                }

                if (adapter.Isolated.Count != isolatedBefore)
                {
                    var cut = adapter.Isolated.Select(id => inventory.Find(id)!.LinkId).ToList();
                    maxLost = Math.Max(maxLost, BlastRadius.LostDemands(inventory, cut).Sum(d => d.Mbps));
                }
            }

            progress?.Report(day + 1);
        }

        return Report(options, engine, attacks, attackOf, events, blocked, leaked, maxLost, parser.Rejections.Total, rollbacks);
    }

    private static DefenceSimulationReport Report(
        DefenceSimulationOptions options, DefenceEngine engine, List<InjectedAttack> attacks, Dictionary<SecurityEvent, int> attackOf,
        long events, int blocked, int leaked, double maxLost, long rejected, int rollbacks)
    {
        var outcomes = new List<AttackOutcome>();
        foreach (var (attack, i) in attacks.Select((a, i) => (a, i)))
        {
            var hits = engine.Correlator.Incidents.SelectMany(inc => inc.Detections).Where(d => attackOf.TryGetValue(d.Evidence, out var a) && a == i).ToList();
            var detectedAt = hits.Count > 0 ? hits.Min(d => d.Timestamp) : (DateTimeOffset?)null;
            var containedAt = ContainmentTime(engine, attack);
            var response = hits.Count == 0 && containedAt is not null ? "prevented"
                : engine.Audit.Any(e => e.Action == "isolate" && e.Interconnect == attack.Interconnect && e.At >= attack.Start) ? "isolate"
                : containedAt is not null ? "filter" : "none";
            outcomes.Add(new AttackOutcome(
                attack,
                (detectedAt - attack.Start)?.TotalSeconds,
                (containedAt - attack.Start)?.TotalSeconds,
                response,
                [.. hits.Select(h => h.RuleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]));
        }

        var benignIncidents = engine.Correlator.Incidents.Where(inc => !inc.Detections.Any(d => attackOf.ContainsKey(d.Evidence))).ToList();
        var benignIds = benignIncidents.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        return new DefenceSimulationReport
        {
            Days = options.Days,
            Events = events,
            Attacks = attacks.Count,
            Detected = outcomes.Count(o => o.SecondsToDetect is not null),
            Prevented = outcomes.Count(o => o.Response == "prevented"),
            Rollbacks = rollbacks,
            Contained = outcomes.Count(o => o.SecondsToContain is not null),
            MaxSecondsToDetect = outcomes.Where(o => o.Response != "prevented").Select(o => o.SecondsToDetect ?? double.PositiveInfinity).DefaultIfEmpty(0).Max(),
            MaxSecondsToContain = outcomes.Select(o => o.SecondsToContain ?? double.PositiveInfinity).DefaultIfEmpty(0).Max(),
            MeanSecondsToContain = outcomes.Where(o => o.SecondsToContain is not null).Select(o => o.SecondsToContain!.Value).DefaultIfEmpty(0).Average(),
            FalsePositiveIncidents = benignIncidents.Count,
            FalseFilters = engine.Audit.Count(e => e.Action == "filter" && benignIds.Contains(e.Incident)),
            FalseIsolations = engine.Audit.Count(e => e.Action == "isolate" && benignIds.Contains(e.Incident)),
            Isolations = engine.Audit.Count(e => e.Action == "isolate"),
            CustomerTrafficLost = maxLost,
            BlockedAttackEvents = blocked,
            LeakedAttackEvents = leaked,
            RejectedLines = rejected,
            Outcomes = outcomes,
        };
    }

    // the earliest moment, from the attack's start on, at which a filter on its actor or an isolation of its
    // interconnect was in force (applied, and not yet rolled back)
    private static DateTimeOffset? ContainmentTime(DefenceEngine engine, InjectedAttack attack)
    {
        DateTimeOffset? best = null;
        foreach (var e in engine.Audit)
        {
            var stops = (e.Action == "isolate" && e.Interconnect == attack.Interconnect)
                || (e.Action == "filter" && e.Interconnect == attack.Interconnect && e.Actor == attack.Actor);
            if (!stops)
            {
                continue;
            }

            var from = e.At < attack.Start ? attack.Start : e.At;
            var until = RolledBackAt(engine, e) ?? DateTimeOffset.MaxValue;
            if (until > from && (best is null || from < best))
            {
                best = from;
            }
        }

        return best;
    }

    private static bool Contained(DefenceEngine engine, InjectedAttack attack, DateTimeOffset at) =>
        ContainmentTime(engine, attack) is { } t && t <= at;

    private static DateTimeOffset? RolledBackAt(DefenceEngine engine, AuditEntry entry) =>
        engine.Audit.FirstOrDefault(e => e.Action == "rollback" && e.ChangeId == entry.ChangeId)?.At;

    // what the network would drop once a filter or isolation is in place
    private static bool IsBlocked(SecurityEvent ev, DefenceInventory inventory, SimulatedInterconnectAdapter adapter)
    {
        var (ic, actor) = ev switch
        {
            SignallingEvent s => (s.Interconnect, s.CallingAddress),
            BgpUpdateEvent b => (inventory.ByPeerAsn(b.PeerAsn)?.Id, $"AS{b.Origin}"),
            FlowEvent f => (inventory.BySourceAddress(f.Source)?.Id, f.Source.ToString()),
            CommandEvent c => (inventory.BySourceAddress(c.Source)?.Id, c.Source.ToString()),
            IdsAlertEvent a => (inventory.BySourceAddress(a.Source)?.Id, a.Source.ToString()),
            _ => (null, ""),
        };
        return ic is not null && adapter.Blocks(ic, actor);
    }
}
