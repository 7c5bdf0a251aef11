namespace Quanet.Server.Tests.Plans.Support;

/// <summary>
/// A clock that never moves: a placement time limit never passes, so a heuristic search runs until it is
/// cancelled or the server stops. Tests use it to cancel or stop a job mid-search without any timing race.
/// </summary>
internal sealed class FrozenTime : TimeProvider
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 3, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public override long GetTimestamp() => 0;
}
