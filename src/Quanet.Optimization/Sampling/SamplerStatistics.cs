namespace Quanet.Optimization.Sampling;

/// <summary>Statistics of one sampler call.</summary>
/// <param name="Sampler">The sampler's name.</param>
/// <param name="Elapsed">Wall-clock time of the call.</param>
/// <param name="TimeToBest">Time at which the best state was first found.</param>
/// <param name="Reads">Reads completed.</param>
/// <param name="FlipAttempts">Single-variable moves evaluated (Metropolis attempts, tabu candidate moves...).</param>
/// <param name="ReachedTarget">Whether the target energy was reached.</param>
/// <param name="TimedOut">Whether the time limit stopped the run.</param>
/// <param name="Interrupted">Whether cancellation (Ctrl+C) stopped the run: the samples are the best found until then.</param>
public readonly record struct SamplerStatistics(
    string Sampler,
    TimeSpan Elapsed,
    TimeSpan TimeToBest,
    int Reads,
    long FlipAttempts,
    bool ReachedTarget,
    bool TimedOut,
    bool Interrupted = false);
