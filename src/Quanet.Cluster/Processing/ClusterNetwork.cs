using System.Text.Json;
using Npgsql;
using Quanet.Operations.Action;

namespace Quanet.Cluster.Processing;

/// <summary>
/// The cluster's simulated network, kept in PostgreSQL so that every silo sees the same network and a dead silo's
/// changes stay applied: element configuration (<c>quanet_network_config</c>), KPIs (<c>quanet_network_kpis</c>,
/// healthy where no row says otherwise) and every applied action with its key (<c>quanet_network_actions</c>,
/// deliberately without a unique key, so that an action applied twice is counted twice). A real adapter would
/// label each NETCONF commit with the key and ask the element's commit history in <see cref="HasAppliedAsync"/>.
/// </summary>
internal sealed class ClusterNetwork(ClusterContext context)
{
    /// <summary>The configuration of an element nothing has changed yet.</summary>
    internal static readonly IReadOnlyDictionary<string, double> DefaultConfiguration = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["carriers"] = 1,
        ["tilt_deg"] = 4,
        ["tx_power_dbm"] = 40,
    };

    /// <summary>KPIs of a healthy cell (any KPI without a row in <c>quanet_network_kpis</c>).</summary>
    internal static readonly IReadOnlyDictionary<string, double> HealthyKpis = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["availability"] = 1,
        ["rrc_setup_success_rate"] = 0.99,
        ["dl_bler"] = 0.02,
        ["prb_utilisation"] = 0.5,
    };

    private NpgsqlDataSource Database => context.Database;

    /// <summary>The element's configuration.</summary>
    public async Task<IReadOnlyDictionary<string, double>> GetConfigurationAsync(string element, CancellationToken cancellationToken) =>
        (await ReadConfigAsync(element, "parameters", cancellationToken)) ?? DefaultConfiguration;

    /// <summary>The configuration before the element's latest change, or null.</summary>
    public Task<Dictionary<string, double>?> LastKnownGoodAsync(string element, CancellationToken cancellationToken) =>
        ReadConfigAsync(element, "previous", cancellationToken);

    /// <summary>Applies <paramref name="changes"/> to the element and records the action under <paramref name="key"/>, atomically.</summary>
    public async Task ApplyAsync(string element, IReadOnlyDictionary<string, double> changes, string key, CancellationToken cancellationToken)
    {
        var before = await GetConfigurationAsync(element, cancellationToken);
        var after = new Dictionary<string, double>(before, StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            after[name] = value;
        }

        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RecordAsync(connection, transaction, key, element, "apply", JsonSerializer.Serialize(changes), cancellationToken);
        await using var upsert = new NpgsqlCommand(
            """
            INSERT INTO quanet_network_config (element, parameters, previous) VALUES (@element, @after::jsonb, @before::jsonb)
            ON CONFLICT (element) DO UPDATE SET previous = quanet_network_config.parameters, parameters = excluded.parameters
            """, connection, transaction);
        upsert.Parameters.AddWithValue("element", element);
        upsert.Parameters.AddWithValue("after", JsonSerializer.Serialize(after));
        upsert.Parameters.AddWithValue("before", JsonSerializer.Serialize(before));
        await upsert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Restarts the element, recording the action under <paramref name="key"/>.</summary>
    public async Task RestartAsync(string element, string key, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        await RecordAsync(connection, null, key, element, "restart", null, cancellationToken);
    }

    /// <summary>Whether an action with <paramref name="key"/> reached the network.</summary>
    public async Task<bool> HasAppliedAsync(string key, CancellationToken cancellationToken)
    {
        await using var command = Database.CreateCommand("SELECT EXISTS (SELECT 1 FROM quanet_network_actions WHERE action_key = @key)");
        command.Parameters.AddWithValue("key", key);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The element's KPIs: its rows in <c>quanet_network_kpis</c> over <see cref="HealthyKpis"/>.</summary>
    public async Task<IReadOnlyDictionary<string, double>> ReadKpisAsync(string element, CancellationToken cancellationToken)
    {
        var kpis = new Dictionary<string, double>(HealthyKpis, StringComparer.Ordinal);
        await using var command = Database.CreateCommand("SELECT kpi, value FROM quanet_network_kpis WHERE element = @element");
        command.Parameters.AddWithValue("element", element);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            kpis[reader.GetString(0)] = reader.GetDouble(1);
        }

        return kpis;
    }

    /// <summary>KPI reads for <see cref="RunbookExecutor.CheckKpis"/>, which reads synchronously: read them all first.</summary>
    public async Task<Func<string, IReadOnlyDictionary<string, double>>> KpiReaderAsync(IReadOnlyList<string> cells, CancellationToken cancellationToken)
    {
        var read = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var cell in cells)
        {
            read[cell] = await ReadKpisAsync(cell, cancellationToken);
        }

        return cell => read[cell];
    }

    private async Task<Dictionary<string, double>?> ReadConfigAsync(string element, string column, CancellationToken cancellationToken)
    {
        await using var command = Database.CreateCommand($"SELECT {column}::text FROM quanet_network_config WHERE element = @element");
        command.Parameters.AddWithValue("element", element);
        var json = await command.ExecuteScalarAsync(cancellationToken) as string;
        return json is null ? null : JsonSerializer.Deserialize<Dictionary<string, double>>(json);
    }

    private static async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string key, string element, string kind, string? detail,
        CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO quanet_network_actions (action_key, element, kind, detail) VALUES (@key, @element, @kind, @detail::jsonb)", connection, transaction);
        insert.Parameters.AddWithValue("key", key);
        insert.Parameters.AddWithValue("element", element);
        insert.Parameters.AddWithValue("kind", kind);
        insert.Parameters.AddWithValue("detail", (object?)detail ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
