using Quanet.Core.Units;

namespace Quanet.Security.Qkd;

/// <summary>The secure key rate of a link at one distance and signal intensity.</summary>
/// <param name="Distance">Fibre length.</param>
/// <param name="Mu">Mean photon number of the signal state used.</param>
/// <param name="RatePerPulse">Secret bits per pulse sent (0 when no key can be made).</param>
/// <param name="RateBitsPerSecond">Secret bits per second at the link's clock rate.</param>
/// <param name="Gain">Q_mu: detection probability per signal pulse.</param>
/// <param name="Qber">E_mu: quantum bit error rate of the signal state.</param>
/// <param name="SinglePhotonGain">Q1 (or its lower bound) used by the rate.</param>
/// <param name="SinglePhotonError">e1 (or its upper bound) used by the rate.</param>
public readonly record struct KeyRate(
    Kilometres Distance,
    double Mu,
    double RatePerPulse,
    double RateBitsPerSecond,
    double Gain,
    double Qber,
    double SinglePhotonGain,
    double SinglePhotonError);
