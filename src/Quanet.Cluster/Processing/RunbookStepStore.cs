using Npgsql;

namespace Quanet.Cluster.Processing;

/// <summary>
/// Runbook runs and their steps in PostgreSQL: a run per incident (<c>quanet_runbooks</c>) and a row per
/// (incident, step) (<c>quanet_runbook_steps</c>), whose primary key lets a step begin only once.
/// </summary>
internal sealed class RunbookStepStore(NpgsqlDataSource database)
{
    /// <summary>Records the run (nothing when it is recorded already).</summary>
    public async Task RegisterAsync(RunbookRequest request, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            """
            INSERT INTO quanet_runbooks (incident_key, region, incident_id, runbook, target, started_micros)
            VALUES (@key, @region, @id, @runbook, @target, @started) ON CONFLICT (incident_key) DO NOTHING
            """);
        command.Parameters.AddWithValue("key", request.IncidentKey);
        command.Parameters.AddWithValue("region", request.Region);
        command.Parameters.AddWithValue("id", request.IncidentId);
        command.Parameters.AddWithValue("runbook", request.Runbook);
        command.Parameters.AddWithValue("target", request.Target);
        command.Parameters.AddWithValue("started", request.StartedMicros);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The recorded run of <paramref name="key"/> and its outcome, or null.</summary>
    public async Task<(RunbookRequest Request, string? Outcome)?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT region, incident_id, runbook, target, started_micros, outcome FROM quanet_runbooks WHERE incident_key = @key");
        command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var request = new RunbookRequest
        {
            IncidentKey = key,
            Region = reader.GetString(0),
            IncidentId = reader.GetInt64(1),
            Runbook = reader.GetString(2),
            Target = reader.GetString(3),
            StartedMicros = reader.GetInt64(4),
            // the run names its runbook; the type is not needed to resume it
            IncidentType = "",
        };
        return (request, reader.IsDBNull(5) ? null : reader.GetString(5));
    }

    /// <summary>The step's row, or <see cref="StepState.None"/>.</summary>
    public async Task<StepRecord> ReadAsync(string key, string step, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT state, result::text FROM quanet_runbook_steps WHERE incident_key = @key AND step = @step");
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("step", step);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StepRecord(Parse(reader.GetString(0)), reader.IsDBNull(1) ? null : reader.GetString(1))
            : new StepRecord(StepState.None, null);
    }

    /// <summary>
    /// Begins the step: inserts it as started and returns <see cref="StepState.None"/>, or, when a row exists (the
    /// step began before, perhaps on a silo that died), returns that row unchanged.
    /// </summary>
    public async Task<StepRecord> BeginAsync(string key, string step, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "INSERT INTO quanet_runbook_steps (incident_key, step, state) VALUES (@key, @step, 'started') ON CONFLICT DO NOTHING");
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("step", step);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1
            ? new StepRecord(StepState.None, null)
            : await ReadAsync(key, step, cancellationToken);
    }

    /// <summary>Records the step (inserting it when it had no row) as <paramref name="state"/> with <paramref name="result"/>.</summary>
    public async Task CompleteAsync(string key, string step, StepState state, string? result, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            """
            INSERT INTO quanet_runbook_steps (incident_key, step, state, result) VALUES (@key, @step, @state, @result::jsonb)
            ON CONFLICT (incident_key, step) DO UPDATE SET state = excluded.state, result = excluded.result, updated = now()
            """);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("step", step);
        command.Parameters.AddWithValue("state", Name(state));
        command.Parameters.AddWithValue("result", (object?)result ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records the outcome and audit trail of the run.</summary>
    public async Task FinishAsync(string key, string outcome, string document, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("UPDATE quanet_runbooks SET outcome = @outcome, document = @document::jsonb WHERE incident_key = @key");
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("outcome", outcome);
        command.Parameters.AddWithValue("document", document);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Earlier runs of <paramref name="runbook"/> on <paramref name="target"/> since <paramref name="sinceMicros"/> that the guard counts (not blocked).</summary>
    public async Task<long> RecentRunsAsync(string key, string runbook, string target, long sinceMicros, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            """
            SELECT count(*) FROM quanet_runbooks WHERE target = @target AND runbook = @runbook AND incident_key <> @key
                AND started_micros >= @since AND (outcome IS NULL OR outcome <> 'blocked')
            """);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("runbook", runbook);
        command.Parameters.AddWithValue("target", target);
        command.Parameters.AddWithValue("since", sinceMicros);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Takes the run's session advisory lock on a connection of its own, or returns null when another executor holds
    /// it. The lock dies with the connection, so a killed silo's lock is gone as soon as its socket closes.
    /// </summary>
    public async Task<NpgsqlConnection?> LockAsync(string key, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended(@key, 0))", connection);
        command.Parameters.AddWithValue("key", "quanet-runbook:" + key);
        if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
        {
            return connection;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>Releases the run's lock and closes its connection.</summary>
    public static async Task UnlockAsync(NpgsqlConnection connection)
    {
        // a pooled connection keeps session locks until reused: release explicitly
        await using (connection)
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static StepState Parse(string state) => state switch
    {
        "started" => StepState.Started,
        "done" => StepState.Done,
        _ => StepState.RolledBack,
    };

    private static string Name(StepState state) => state switch
    {
        StepState.Started => "started",
        StepState.Done => "done",
        StepState.RolledBack => "rolled_back",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "a step row has a state"),
    };
}
