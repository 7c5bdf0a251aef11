namespace Quanet.Server.Hosting;

/// <summary>A readiness check that runs a read against one store.</summary>
internal sealed class StoreReadiness(string name, Action check) : IReadinessCheck
{
    public string Name => name;

    public void Check() => check();
}
