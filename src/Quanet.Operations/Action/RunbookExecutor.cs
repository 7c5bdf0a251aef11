using System.Globalization;
using Quanet.Operations.Correlation;
using Quanet.Operations.Inventory;

namespace Quanet.Operations.Action;

/// <summary>
/// Runs runbooks through an <see cref="INetworkAdapter"/>: guard (runs per target per day, blast
/// radius in cells), snapshot, change, wait, KPI verification on every affected cell, then confirm,
/// or roll back to the snapshot and escalate. Every step goes to the run's audit trail.
/// Step durations (documented model): snapshot 0.5 min, parameter change 1 min, restart 5 min.
/// </summary>
public sealed class RunbookExecutor(INetworkAdapter network, NetworkInventory inventory)
{
    /// <summary>Operator minutes to review and approve a change when the runbook says <c>confirm: manual</c>.</summary>
    public const double ManualConfirmMinutes = 2;

    private readonly List<RunbookRun> _runs = [];
    private long _nextId = 1;

    /// <summary>All runs so far.</summary>
    public IReadOnlyList<RunbookRun> Runs => _runs;

    /// <summary>Runs <paramref name="runbook"/> for <paramref name="incident"/> at event time <paramref name="nowMicros"/>.</summary>
    public async Task<RunbookRun> ExecuteAsync(Runbook runbook, Incident incident, long nowMicros, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        ArgumentNullException.ThrowIfNull(incident);
        var target = incident.RootCause;
        var run = new RunbookRun { Id = _nextId++, IncidentId = incident.Id, Runbook = runbook.Name, Target = target, StartedMicros = nowMicros };
        _runs.Add(run);
        double t = 0;
        void Log(string step, string detail) => run.Audit.Add(new AuditEntry(Math.Round(t, 2), step, detail));

        var cells = Cells(target);
        var dayAgo = nowMicros - (24L * 3600 * 1_000_000);
        var recent = _runs.Count(r => r != run && r.Target == target && r.Runbook == runbook.Name && r.StartedMicros >= dayAgo && r.Outcome != RunbookOutcome.Blocked);
        if (recent >= runbook.Guard.MaxRunsPerTargetPerDay)
        {
            return Finish(run, RunbookOutcome.Blocked, runbook, t, $"frequency limit: {recent} runs on {target} in 24 h (limit {runbook.Guard.MaxRunsPerTargetPerDay})", Log);
        }

        if (cells.Count > runbook.Guard.MaxBlastRadius)
        {
            return Finish(run, RunbookOutcome.Blocked, runbook, t, $"blast radius: {cells.Count} cells affected (limit {runbook.Guard.MaxBlastRadius})", Log);
        }

        Log("guard", $"passed: {recent} earlier runs on {target} in 24 h, {cells.Count} cells affected");
        try
        {
            IReadOnlyDictionary<string, double>? snapshot = null;
            if (runbook.Snapshot)
            {
                snapshot = network.GetConfiguration(target);
                t += 0.5;
                Log("snapshot", Describe(snapshot));
            }

            switch (runbook.Change.Action)
            {
                case "set":
                    network.Apply(target, runbook.Change.Parameters, $"rb{run.Id}");
                    run.ChangesApplied++;
                    t += 1;
                    Log("change", "set " + Describe(runbook.Change.Parameters));
                    break;
                case "restore_last_known_good":
                    var good = network.LastKnownGood(target)
                        ?? throw new DeviceException(target, "no earlier configuration revision to restore");
                    network.Apply(target, good, $"rb{run.Id}");
                    run.ChangesApplied++;
                    t += 1;
                    Log("change", "restored last known good " + Describe(good));
                    break;
                case "restart":
                    network.Restart(target);
                    t += 5;
                    Log("change", $"restarted {target}");
                    break;
                default:
                    Log("change", "none");
                    break;
            }

            var wait = TimeSpan.FromMinutes(runbook.Verify.WaitMinutes);
            await network.SettleAsync(wait, cancellationToken);
            t += runbook.Verify.WaitMinutes;
            Log("wait", $"{runbook.Verify.WaitMinutes:0.#} min for KPIs to settle");
            var (ok, report) = VerifyKpis(runbook, cells);
            Log("verify", (ok ? "passed: " : "failed: ") + report);
            if (ok)
            {
                if (runbook.Confirm == "manual")
                {
                    run.OperatorMinutes += ManualConfirmMinutes;
                    t += ManualConfirmMinutes;
                    Log("confirm", $"operator approved ({ManualConfirmMinutes:0} min)");
                }
                else
                {
                    Log("confirm", "confirmed automatically");
                }

                run.Outcome = RunbookOutcome.Fixed;
                run.DurationMinutes = Math.Round(t, 2);
                return run;
            }

            if (runbook.OnFailure == "rollback" && snapshot is not null && runbook.Change.Action is "set" or "restore_last_known_good")
            {
                network.Apply(target, snapshot, $"rb{run.Id}-rollback");
                run.ChangesApplied++;
                t += 1;
                Log("rollback", "restored snapshot " + Describe(snapshot));
                await network.SettleAsync(wait, cancellationToken);
                t += runbook.Verify.WaitMinutes;
                var (_, after) = VerifyKpis(runbook, cells);
                Log("verify", "after rollback: " + after);
                return Finish(run, RunbookOutcome.RolledBack, runbook, t, "verification failed, change rolled back", Log);
            }

            if (runbook.OnFailure == "rollback")
            {
                Log("rollback", $"nothing to roll back for action '{runbook.Change.Action}' (configuration unchanged)");
                return Finish(run, RunbookOutcome.RolledBack, runbook, t, "verification failed", Log);
            }

            return Finish(run, RunbookOutcome.NotFixed, runbook, t, "verification failed, change kept", Log);
        }
        catch (DeviceException ex)
        {
            return Finish(run, RunbookOutcome.Failed, runbook, t, ex.Message, Log);
        }
    }

    private static RunbookRun Finish(RunbookRun run, RunbookOutcome outcome, Runbook runbook, double t, string why, Action<string, string> log)
    {
        run.Outcome = outcome;
        run.DurationMinutes = Math.Round(t, 2);
        run.EscalatedTo = runbook.Escalate == "none" ? null : runbook.Escalate;
        log(outcome == RunbookOutcome.Blocked ? "guard" : "escalate", $"{why}; escalate to {runbook.Escalate}");
        return run;
    }

    private (bool Ok, string Report) VerifyKpis(Runbook runbook, IReadOnlyList<string> cells) => CheckKpis(runbook, cells, network.ReadKpis);

    /// <summary>Checks the runbook's KPI bounds on every cell in <paramref name="cells"/>, reading each cell's KPIs with <paramref name="read"/>.</summary>
    internal static (bool Ok, string Report) CheckKpis(Runbook runbook, IReadOnlyList<string> cells, Func<string, IReadOnlyDictionary<string, double>> read)
    {
        var ok = true;
        var parts = new List<string>();
        foreach (var cell in cells)
        {
            var kpis = read(cell);
            foreach (var check in runbook.Verify.Kpis)
            {
                var value = kpis.GetValueOrDefault(check.Kpi, double.NaN);
                var pass = !double.IsNaN(value) && (check.Min is not double min || value >= min) && (check.Max is not double max || value <= max);
                ok &= pass;
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{cell} {check.Kpi}={value:0.###}{(pass ? "" : " (out of bounds)")}"));
            }
        }

        return (ok, string.Join(", ", parts));
    }

    private List<string> Cells(string target) => AffectedCells(inventory, target);

    /// <summary>The cells a change on <paramref name="target"/> affects: the RU itself, or the RUs it serves.</summary>
    internal static List<string> AffectedCells(NetworkInventory inventory, string target)
    {
        var element = inventory.FindElement(target);
        if (element is null)
        {
            return [];
        }

        if (element.Kind == ElementKind.RadioUnit)
        {
            return [element.Id];
        }

        return [.. inventory.ServedBy(target).Where(e => e.Kind == ElementKind.RadioUnit).Select(e => e.Id)];
    }

    /// <summary>A configuration as <c>{name: value, ...}</c>, names in ordinal order.</summary>
    internal static string Describe(IReadOnlyDictionary<string, double> config) =>
        "{" + string.Join(", ", config.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}: {kv.Value:0.###}"))) + "}";
}
