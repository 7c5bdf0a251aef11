using System.Reflection;
using Quanet.Testing.Postgres;
using Xunit.Sdk;

namespace Quanet.Kme.Tests.Support;

/// <summary>
/// Theory data: runs the test against a throw-away PostgreSQL server; the row is skipped, with the reason
/// shown, when this machine has no PostgreSQL server programs.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresStoreAttribute : DataAttribute
{
    public PostgresStoreAttribute() => Skip = PostgresBinaries.MissingReason;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [["postgresql"]];
}
