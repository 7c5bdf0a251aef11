using Quanet.Core;
using Quanet.Core.Text;
using Quanet.Defence.Model;
using Quanet.Defence.Response;
using Quanet.Defence.Rules;
using Quanet.Defence.Simulation;
using Quanet.Defence.Telemetry;

namespace Quanet.Workflows.Defence;

/// <summary>
/// Interconnect defence over recorded telemetry: reads the inventory, the rules and every telemetry file, replays
/// the events in time order through the defence engine (against a simulated adapter, so nothing on the network
/// changes) and returns the incidents and the actions the policy took.
/// </summary>
public static class DefendWorkflow
{
    /// <summary>Runs <paramref name="request"/>.</summary>
    /// <exception cref="ArgumentException">The request names no telemetry file.</exception>
    /// <exception cref="InputFormatException">The inventory or the rule file is malformed.</exception>
    /// <exception cref="QuanetException">A file is missing.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static DefendResult Run(DefendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Telemetry.Count == 0)
        {
            throw new ArgumentException("at least one telemetry file is required (AAA, flows, BGP, signalling or Suricata EVE)", nameof(request));
        }

        var inventory = request.InventoryPath is { } inventoryPath ? DefenceInventoryJson.Load(inventoryPath) : DefenceScenario.Inventory();
        var rules = request.RulesPath is { } rulesPath ? RuleSetLoader.Load(rulesPath) : RuleSetLoader.Default();
        var parser = new TelemetryParser();
        var events = new List<SecurityEvent>();
        foreach (var input in request.Telemetry)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!File.Exists(input.Path))
            {
                throw new QuanetException($"{input.Path}: file not found");
            }

            using var stream = File.OpenRead(input.Path);
            events.AddRange(parser.ReadAll(input.Kind, stream));
        }

        events.Sort(static (a, b) => a.Timestamp.CompareTo(b.Timestamp));
        var engine = new DefenceEngine(inventory, rules, new SimulatedInterconnectAdapter());
        foreach (var ev in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            engine.Process(ev);
        }

        return new DefendResult
        {
            Events = events.Count,
            RejectionsByReason = parser.Rejections.ByReason,
            RejectedLines = parser.Rejections.Total,
            Incidents = engine.Correlator.Incidents,
            Actions = engine.Audit,
            Failure = Verdict(request, events.Count, parser.Rejections.Total),
        };
    }

    /// <summary>Telemetry with no usable event (an empty file, an image, noise) measured nothing: the run fails.</summary>
    private static string? Verdict(DefendRequest request, int events, long rejected)
    {
        var files = string.Join(", ", request.Telemetry.Select(t => Printable.Escape(Path.GetFileName(t.Path))));
        if (events == 0)
        {
            return $"{files}: no telemetry event accepted ({rejected} lines rejected)";
        }

        return rejected > request.MaxRejected
            ? $"{files}: {rejected} lines rejected, more than the {request.MaxRejected} allowed"
            : null;
    }
}
