using System.Data.Common;
using System.Globalization;

namespace Quanet.Server.Plans;

/// <summary>
/// The job store in plain SQL that SQLite and PostgreSQL both run: one table, timestamps as ISO-8601 UTC text
/// (which sorts in time order), booleans as integers. Subclasses only open connections.
/// </summary>
internal abstract class SqlPlanJobStore : IPlanJobStore
{
    public abstract bool SharedBetweenServers { get; }

    private const string Columns = "id, status, owner, submitted_at, started_at, finished_at, request, interrupted, error, summary, attempts";

    /// <summary>A new open connection.</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Creates the table when it is missing.</summary>
    protected async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync(
            """
            CREATE TABLE IF NOT EXISTS plan_jobs (
                id TEXT PRIMARY KEY, status TEXT NOT NULL, owner TEXT NOT NULL, submitted_at TEXT NOT NULL,
                started_at TEXT, finished_at TEXT, request TEXT NOT NULL, interrupted INTEGER NOT NULL DEFAULT 0,
                error TEXT, summary TEXT, attempts INTEGER NOT NULL DEFAULT 0)
            """,
            [],
            cancellationToken);
    }

    public Task AddAsync(PlanJobRecord job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        return ExecuteAsync(
            $"INSERT INTO plan_jobs ({Columns}) VALUES (@id, @status, @owner, @submitted, @started, @finished, @request, @interrupted, @error, @summary, @attempts)",
            [("id", job.Id), ("status", job.Status), ("owner", job.Owner), ("submitted", Text(job.SubmittedAt)), ("started", Text(job.StartedAt)), ("finished", Text(job.FinishedAt)),
             ("request", job.RequestJson), ("interrupted", job.Interrupted ? 1 : 0), ("error", job.Error), ("summary", job.SummaryJson), ("attempts", job.Attempts)],
            cancellationToken);
    }

    public async Task<PlanJobRecord?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns} FROM plan_jobs WHERE id = @id", [("id", id)], cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<PlanJobRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM plan_jobs ORDER BY submitted_at DESC, id", [], cancellationToken);

    public async Task<bool> StartAsync(string id, DateTimeOffset startedAt, CancellationToken cancellationToken = default) =>
        await ExecuteAsync(
            "UPDATE plan_jobs SET status = @running, started_at = @started, attempts = attempts + 1 WHERE id = @id AND status = @queued",
            [("id", id), ("running", PlanJobStatus.Running), ("queued", PlanJobStatus.Queued), ("started", Text(startedAt))],
            cancellationToken) == 1;

    public async Task<bool> FinishAsync(string id, string status, DateTimeOffset finishedAt, bool interrupted, string? error, string? summaryJson, CancellationToken cancellationToken = default) =>
        await ExecuteAsync(
            "UPDATE plan_jobs SET status = @status, finished_at = @finished, interrupted = @interrupted, error = @error, summary = @summary WHERE id = @id AND status IN (@queued, @running)",
            [("id", id), ("status", status), ("finished", Text(finishedAt)), ("interrupted", interrupted ? 1 : 0), ("error", error), ("summary", summaryJson),
             ("queued", PlanJobStatus.Queued), ("running", PlanJobStatus.Running)],
            cancellationToken) == 1;

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("DELETE FROM plan_jobs WHERE id = @id", [("id", id)], cancellationToken) == 1;

    public async Task<IReadOnlyList<PlanJobRecord>> RecoverAsync(DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(
            "UPDATE plan_jobs SET status = @failed, finished_at = @now, error = @reason WHERE status = @running AND attempts >= @max",
            [("failed", PlanJobStatus.Failed), ("now", Text(now)), ("running", PlanJobStatus.Running), ("max", maxAttempts),
             ("reason", string.Create(CultureInfo.InvariantCulture, $"server stopped while running (started {maxAttempts} times; not re-queued again)"))],
            cancellationToken);
        await ExecuteAsync(
            "UPDATE plan_jobs SET status = @queued, started_at = NULL WHERE status = @running",
            [("queued", PlanJobStatus.Queued), ("running", PlanJobStatus.Running)],
            cancellationToken);
        return await QueryAsync($"SELECT {Columns} FROM plan_jobs WHERE status = @queued ORDER BY submitted_at, id", [("queued", PlanJobStatus.Queued)], cancellationToken);
    }

    public virtual void Dispose()
    {
    }

    private static string? Text(DateTimeOffset? time) => time?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Time(DbDataReader reader, int column) => reader.IsDBNull(column)
        ? null
        : DateTimeOffset.Parse(reader.GetString(column), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string? NullableText(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private async Task<int> ExecuteAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<PlanJobRecord>> QueryAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var jobs = new List<PlanJobRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new PlanJobRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), Time(reader, 3)!.Value, reader.GetString(6))
            {
                StartedAt = Time(reader, 4),
                FinishedAt = Time(reader, 5),
                Interrupted = reader.GetInt32(7) != 0,
                Error = NullableText(reader, 8),
                SummaryJson = NullableText(reader, 9),
                Attempts = reader.GetInt32(10),
            });
        }

        return jobs;
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
