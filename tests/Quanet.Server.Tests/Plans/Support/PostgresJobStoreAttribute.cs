using System.Reflection;
using Quanet.Testing.Postgres;
using Xunit.Sdk;

namespace Quanet.Server.Tests.Plans.Support;

/// <summary>Theory data: runs the test against a throw-away PostgreSQL server; skipped with the reason when its programs are absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresJobStoreAttribute : DataAttribute
{
    public PostgresJobStoreAttribute() => Skip = PostgresBinaries.MissingReason;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [["postgresql"]];
}
