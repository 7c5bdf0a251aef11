using Quanet.Cluster.Local;

namespace Quanet.Cluster.Tests.Support;

/// <summary>A fact that needs nats-server; skipped, with the reason shown, when this machine has none.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NatsFactAttribute : FactAttribute
{
    public NatsFactAttribute() => Skip = Program is null ? NatsServerProgram.MissingMessage + " (.ci/nats.sh installs it)" : null;

    /// <summary>The nats-server program, or null.</summary>
    public static string? Program { get; } = NatsServerProgram.Find(Environment.GetEnvironmentVariable("PATH"));
}
