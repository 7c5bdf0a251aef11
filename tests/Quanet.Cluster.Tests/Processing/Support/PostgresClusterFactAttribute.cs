using Quanet.Testing.Postgres;

namespace Quanet.Cluster.Tests.Processing.Support;

/// <summary>A fact that needs the PostgreSQL programs (initdb, pg_ctl); skipped with the reason where they are missing.</summary>
public sealed class PostgresClusterFactAttribute : FactAttribute
{
    public PostgresClusterFactAttribute() => Skip = PostgresBinaries.MissingReason;
}
