namespace Quanet.Optimization.Qaoa.Noise;

/// <summary>A Monte Carlo estimate of an expected energy.</summary>
/// <param name="Mean">The mean over trajectories of each trajectory's exact expected energy.</param>
/// <param name="StandardError">The standard error of <see cref="Mean"/> (sample standard deviation / sqrt(N)).</param>
/// <param name="Trajectories">Number of trajectories N.</param>
public readonly record struct NoisyEstimate(double Mean, double StandardError, int Trajectories);
