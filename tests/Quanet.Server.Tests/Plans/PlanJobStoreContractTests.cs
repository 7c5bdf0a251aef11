using Quanet.Server.Plans;
using Quanet.Server.Tests.Plans.Support;

namespace Quanet.Server.Tests.Plans;

/// <summary>
/// What every plan job store guarantees, run unchanged against SQLite and PostgreSQL: round trips of every field,
/// newest-first listing, guarded state changes (a job starts once and ends once), deletion, and the start-up
/// recovery that re-queues a job left running once and fails it, with the reason, the second time.
/// </summary>
public sealed class PlanJobStoreContractTests(JobStoreFixture stores) : IClassFixture<JobStoreFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [SqliteJobStore]
    [PostgresJobStore]
    public async Task A_job_reads_back_with_every_field_and_jobs_list_newest_first(string kind)
    {
        using var store = await OpenAsync(kind);
        await store.AddAsync(Job("a", T0));
        await store.AddAsync(Job("b", T0.AddMinutes(1)));
        Assert.True(await store.StartAsync("a", T0.AddSeconds(5)));
        Assert.True(await store.FinishAsync("a", PlanJobStatus.Cancelled, T0.AddSeconds(9), interrupted: true, "stopped", "{\"objective\":1}"));

        var a = await store.GetAsync("a");
        var list = await store.ListAsync();

        Assert.NotNull(a);
        Assert.Equal(PlanJobStatus.Cancelled, a.Status);
        Assert.Equal("alice", a.Owner);
        Assert.Equal(T0, a.SubmittedAt);
        Assert.Equal(T0.AddSeconds(5), a.StartedAt);
        Assert.Equal(T0.AddSeconds(9), a.FinishedAt);
        Assert.True(a.Interrupted);
        Assert.Equal("stopped", a.Error);
        Assert.Equal("{\"objective\":1}", a.SummaryJson);
        Assert.Equal("{\"sites\":5}", a.RequestJson);
        Assert.Equal(1, a.Attempts);
        Assert.Equal(["b", "a"], list.Select(j => j.Id));
        Assert.Null(await store.GetAsync("missing"));
    }

    [Theory]
    [SqliteJobStore]
    [PostgresJobStore]
    public async Task A_job_starts_once_and_ends_once(string kind)
    {
        using var store = await OpenAsync(kind);
        await store.AddAsync(Job("a", T0));

        var first = await store.StartAsync("a", T0);
        var second = await store.StartAsync("a", T0);
        var finished = await store.FinishAsync("a", PlanJobStatus.Succeeded, T0, false, null, null);
        var again = await store.FinishAsync("a", PlanJobStatus.Failed, T0, false, "late", null);

        Assert.True(first);
        Assert.False(second);
        Assert.True(finished);
        Assert.False(again);
        Assert.Equal(PlanJobStatus.Succeeded, (await store.GetAsync("a"))!.Status);
    }

    [Theory]
    [SqliteJobStore]
    [PostgresJobStore]
    public async Task A_queued_job_cancelled_never_starts(string kind)
    {
        using var store = await OpenAsync(kind);
        await store.AddAsync(Job("a", T0));

        Assert.True(await store.FinishAsync("a", PlanJobStatus.Cancelled, T0, false, "cancelled before it started", null));
        Assert.False(await store.StartAsync("a", T0));
    }

    [Theory]
    [SqliteJobStore]
    [PostgresJobStore]
    public async Task Recovery_requeues_a_running_job_once_and_then_fails_it_with_the_reason(string kind)
    {
        var location = await stores.NewLocationAsync(kind);
        using (var store = await JobStoreFixture.OpenAsync(kind, location))
        {
            await store.AddAsync(Job("waiting", T0));
            await store.AddAsync(Job("running", T0.AddSeconds(1)));
            await store.StartAsync("running", T0.AddSeconds(2));
        }

        IReadOnlyList<PlanJobRecord> firstRecovery;
        using (var reopened = await JobStoreFixture.OpenAsync(kind, location))
        {
            firstRecovery = await reopened.RecoverAsync(T0.AddMinutes(1), maxAttempts: 2);
            await reopened.StartAsync("running", T0.AddMinutes(2));
        }

        using var third = await JobStoreFixture.OpenAsync(kind, location);
        var secondRecovery = await third.RecoverAsync(T0.AddMinutes(3), maxAttempts: 2);
        var failed = await third.GetAsync("running");

        Assert.Equal(["waiting", "running"], firstRecovery.Select(j => j.Id));
        Assert.All(firstRecovery, j => Assert.Equal(PlanJobStatus.Queued, j.Status));
        Assert.Equal(["waiting"], secondRecovery.Select(j => j.Id));
        Assert.Equal(PlanJobStatus.Failed, failed!.Status);
        Assert.StartsWith("server stopped while running", failed.Error, StringComparison.Ordinal);
        Assert.Equal(T0.AddMinutes(3), failed.FinishedAt);
    }

    [Theory]
    [SqliteJobStore]
    [PostgresJobStore]
    public async Task A_deleted_job_is_gone(string kind)
    {
        using var store = await OpenAsync(kind);
        await store.AddAsync(Job("a", T0));

        Assert.True(await store.DeleteAsync("a"));
        Assert.False(await store.DeleteAsync("a"));
        Assert.Null(await store.GetAsync("a"));
        Assert.Empty(await store.ListAsync());
    }

    private async Task<IPlanJobStore> OpenAsync(string kind) => await JobStoreFixture.OpenAsync(kind, await stores.NewLocationAsync(kind));

    private static PlanJobRecord Job(string id, DateTimeOffset submitted) => new(id, PlanJobStatus.Queued, "alice", submitted, "{\"sites\":5}");
}
