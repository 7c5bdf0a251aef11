using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Quanet.Server.Plans;
using Quanet.Server.Security;
using Quanet.Server.Tests.Plans.Support;

namespace Quanet.Server.Tests.Plans;

public sealed class PlanEventsAndCancelTests
{
    [Fact]
    public async Task The_event_stream_shows_the_stages_and_incumbents_then_ends_with_the_terminal_status()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var viewer = harness.Client(Roles.Viewer);
        var id = await PlanApi.SubmitAsync(harness.Client(Roles.Planner), new { });

        using var events = await PlanEvents.OpenAsync(viewer, id);
        var seen = new List<(string Name, JsonElement Data)>();
        while (await events.NextAsync() is { } e)
        {
            seen.Add(e);
        }

        Assert.Equal("text/event-stream", events.ContentType);
        var progress = seen.Where(e => e.Name == "progress").Select(e => e.Data).ToList();
        Assert.Contains(progress, p => p.GetProperty("stage").GetString() == "placement" && p.GetProperty("incumbent").ValueKind == JsonValueKind.Number);
        Assert.All(progress, p => Assert.True(p.GetProperty("elapsedSeconds").GetDouble() >= 0));
        var last = seen[^1];
        Assert.Equal("status", last.Name);
        Assert.Equal("succeeded", last.Data.GetProperty("status").GetString());
        Assert.Equal(60, last.Data.GetProperty("summary").GetProperty("sites").GetInt32());
    }

    [Fact]
    public async Task Cancel_after_the_first_incumbent_ends_cancelled_with_the_best_plan_so_far_kept()
    {
        // a clock that never moves: the heuristic searches until cancelled, so the cancel cannot come too late
        await using var harness = await ServerHarness.StartAsync(o => o with { TimeProvider = new FrozenTime() });
        using var planner = harness.Client(Roles.Planner);
        var id = await PlanApi.SubmitAsync(planner, new { solver = "heuristic", backhaul = new { } });

        using var events = await PlanEvents.OpenAsync(planner, id);
        double? first = null;
        JsonElement? final = null;
        while (await events.NextAsync() is { } e)
        {
            if (first is null && e.Name == "progress" && e.Data.GetProperty("incumbent").ValueKind == JsonValueKind.Number)
            {
                first = e.Data.GetProperty("incumbent").GetDouble();
                Assert.Equal(HttpStatusCode.Accepted, (await planner.PostAsync($"api/v1/plans/{id}/cancel", null)).StatusCode);
            }

            if (e.Name == "status")
            {
                final = e.Data;
            }
        }

        var job = final!.Value;
        Assert.Equal("cancelled", job.GetProperty("status").GetString());
        Assert.True(job.GetProperty("interrupted").GetBoolean());
        Assert.True(job.GetProperty("summary").GetProperty("objective").GetDouble() >= first!.Value);
        Assert.Equal(60, job.GetProperty("summary").GetProperty("sites").GetInt32());
        var artifacts = job.GetProperty("artifacts").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("plan.geojson", artifacts);
        Assert.DoesNotContain("backhaul.geojson", artifacts); // the step after placement never started
        Assert.Equal(HttpStatusCode.OK, (await planner.GetAsync($"api/v1/plans/{id}/plan.geojson")).StatusCode);
    }

    [Fact]
    public async Task A_queued_job_cancelled_never_runs_and_an_unknown_one_is_not_found()
    {
        // one worker, held by a job that searches until cancelled: the second waits in the queue
        await using var harness = await ServerHarness.StartAsync(o => o with { TimeProvider = new FrozenTime() });
        using var planner = harness.Client(Roles.Planner);
        var blocking = await PlanApi.SubmitAsync(planner, new { solver = "heuristic" });
        var waiting = await PlanApi.SubmitAsync(planner, new { solver = "heuristic" });
        await PlanApi.WaitAsync(planner, blocking, s => s == "running");

        Assert.Equal(HttpStatusCode.Accepted, (await planner.PostAsync($"api/v1/plans/{waiting}/cancel", null)).StatusCode);
        var cancelled = await PlanApi.GetAsync(planner, waiting);
        Assert.Equal(HttpStatusCode.Accepted, (await planner.PostAsync($"api/v1/plans/{blocking}/cancel", null)).StatusCode);
        await PlanApi.WaitAsync(planner, blocking, PlanApi.Terminal);

        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.False(cancelled.GetProperty("interrupted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, cancelled.GetProperty("startedAt").ValueKind);
        Assert.Empty(cancelled.GetProperty("artifacts").EnumerateArray());
        Assert.Equal("cancelled", (await PlanApi.GetAsync(planner, waiting)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await planner.PostAsync($"api/v1/plans/{new string('a', 32)}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task Job_durations_and_the_queue_are_recorded_in_the_plans_meter()
    {
        var durations = new List<(double Seconds, string? Status)>();
        var gauges = new HashSet<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PlanMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "quanet.plans.duration")
            {
                lock (durations)
                {
                    durations.Add((value, tags.ToArray().FirstOrDefault(t => t.Key == "status").Value as string));
                }
            }
        });
        listener.SetMeasurementEventCallback<int>((instrument, _, _, _) =>
        {
            lock (gauges)
            {
                gauges.Add(instrument.Name);
            }
        });
        listener.Start();
        await using var harness = await ServerHarness.StartAsync();
        using var planner = harness.Client(Roles.Planner);

        var id = await PlanApi.SubmitAsync(planner, new { solver = "heuristic", timeLimitSeconds = 1 });
        await PlanApi.WaitAsync(planner, id, PlanApi.Terminal);
        listener.RecordObservableInstruments();

        lock (durations)
        {
            Assert.Contains(durations, d => d.Status == "succeeded" && d.Seconds > 0);
        }

        Assert.Contains("quanet.plans.queued", gauges);
        Assert.Contains("quanet.plans.running", gauges);
    }
}
