using System.Reflection;
using Xunit.Sdk;

namespace Quanet.Kme.Tests.Support;

/// <summary>Theory data: runs the test against the embedded SQLite store.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteStoreAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [["sqlite"]];
}
