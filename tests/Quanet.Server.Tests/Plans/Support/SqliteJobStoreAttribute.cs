using System.Reflection;
using Xunit.Sdk;

namespace Quanet.Server.Tests.Plans.Support;

/// <summary>
/// Theory data: runs the test against the SQLite job store (pair with <see cref="PostgresJobStoreAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteJobStoreAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [["sqlite"]];
}
