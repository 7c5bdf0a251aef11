namespace Quanet.Optimization.Steiner;

/// <summary>
/// A clock that jumps past every deadline once its token is cancelled: the solver's parts all stop at their
/// deadlines and keep the best tree found, so Ctrl+C ends a solve the way its time limit would.
/// </summary>
internal sealed class InterruptibleClock(TimeProvider inner, CancellationToken cancellationToken) : TimeProvider
{
    /// <inheritdoc />
    public override long TimestampFrequency => inner.TimestampFrequency;

    /// <inheritdoc />
    public override long GetTimestamp() =>
        cancellationToken.IsCancellationRequested ? inner.GetTimestamp() + (long.MaxValue / 4) : inner.GetTimestamp();

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();
}
