using Npgsql;

namespace Quanet.Cluster.Processing;

/// <summary>What the cluster's network adapter counted: for the chaos benchmark and the tests.</summary>
public static class ClusterActions
{
    /// <summary>Actions applied to the network in total.</summary>
    public static Task<long> CountAsync(string connectionString, CancellationToken cancellationToken) =>
        ScalarAsync(connectionString, "SELECT count(*) FROM quanet_network_actions", cancellationToken);

    /// <summary>Actions applied more than once under the same key (each extra application counts one): <c>duplicate_actions</c>.</summary>
    public static Task<long> DuplicatesAsync(string connectionString, CancellationToken cancellationToken) =>
        ScalarAsync(connectionString, "SELECT coalesce(sum(n - 1), 0)::bigint FROM (SELECT count(*) AS n FROM quanet_network_actions GROUP BY action_key) AS k", cancellationToken);

    private static async Task<long> ScalarAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
