namespace Quanet.Security.Qkd.Simulation;

/// <summary>What one simulated QKD round produced.</summary>
public sealed record SimulationResult
{
    /// <summary>Signal intensity used.</summary>
    public required double Mu { get; init; }

    /// <summary>Pulses sent of each class: signal, decoy, vacuum.</summary>
    public required (long Signal, long Decoy, long Vacuum) Pulses { get; init; }

    /// <summary>Detections of each class.</summary>
    public required (long Signal, long Decoy, long Vacuum) Detections { get; init; }

    /// <summary>Measured gains Q_mu, Q_nu, Q_0.</summary>
    public required (double Signal, double Decoy, double Vacuum) Gains { get; init; }

    /// <summary>QBER of the signal estimated from the disclosed sample.</summary>
    public required double SampledQber { get; init; }

    /// <summary>QBER of the weak decoy (all its sifted bits are disclosed).</summary>
    public required double DecoyQber { get; init; }

    /// <summary>Lower bound on the single-photon gain Q1 from the vacuum+weak decoy estimate.</summary>
    public required double SinglePhotonGain { get; init; }

    /// <summary>Upper bound on the single-photon error rate e1.</summary>
    public required double SinglePhotonError { get; init; }

    /// <summary>
    /// The asymptotic GLLP rate per signal pulse from the measured quantities,
    /// q { -Q_mu f h(E_mu) + Q1 [1 - h(e1)] }, the quantity the analytic model predicts.
    /// </summary>
    public required double EstimatedRatePerPulse { get; init; }

    /// <summary>Why the round was aborted, or null when a key was produced.</summary>
    public string? AbortReason { get; init; }

    /// <summary>Sifted signal bits left for the key after sampling.</summary>
    public long RawKeyBits { get; init; }

    /// <summary>True QBER of the raw key (known only to the simulator).</summary>
    public double RawKeyQber { get; init; }

    /// <summary>Bits disclosed by Cascade.</summary>
    public long LeakedBits { get; init; }

    /// <summary>Measured reconciliation efficiency f of this round.</summary>
    public double ReconciliationEfficiency { get; init; }

    /// <summary>Whether the verification hashes matched after reconciliation.</summary>
    public bool Verified { get; init; }

    /// <summary>Length of the final secret key.</summary>
    public long SecretKeyBits { get; init; }

    /// <summary>Secret bits per pulse sent (all classes).</summary>
    public double SecretKeyRatePerPulse { get; init; }

    /// <summary>Alice's final key (packed), empty when aborted.</summary>
    public ulong[] AliceKey { get; init; } = [];

    /// <summary>Bob's final key (packed), equal to Alice's when <see cref="Verified"/>.</summary>
    public ulong[] BobKey { get; init; } = [];
}
