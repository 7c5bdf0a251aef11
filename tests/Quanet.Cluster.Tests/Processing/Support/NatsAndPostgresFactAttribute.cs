using Quanet.Cluster.Tests.Support;
using Quanet.Testing.Postgres;

namespace Quanet.Cluster.Tests.Processing.Support;

/// <summary>A fact that needs the PostgreSQL programs and nats-server; skipped with the reason where one is missing.</summary>
public sealed class NatsAndPostgresFactAttribute : FactAttribute
{
    public NatsAndPostgresFactAttribute() =>
        Skip = PostgresBinaries.MissingReason ?? (NatsFactAttribute.Program is null ? "nats-server is not installed (.ci/nats.sh installs it)" : null);
}
