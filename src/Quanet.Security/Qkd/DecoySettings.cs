namespace Quanet.Security.Qkd;

/// <summary>
/// The source and basis settings of three-intensity decoy BB84 that the finite-key analysis of Lim et al.
/// (PRA 89, 022307, 2014) optimises: intensities mu1 &gt; mu2 + mu3, mu2 &gt; mu3 &gt;= 0, their
/// probabilities, and the probability q_x of the X (key) basis, chosen independently by Alice and Bob.
/// </summary>
/// <param name="SignalIntensity">mu1, mean photon number of the signal.</param>
/// <param name="DecoyIntensity">mu2, mean photon number of the weak decoy.</param>
/// <param name="VacuumIntensity">mu3, mean photon number of the vacuum-like decoy.</param>
/// <param name="SignalProbability">p_mu1.</param>
/// <param name="DecoyProbability">p_mu2 (p_mu3 = 1 - p_mu1 - p_mu2).</param>
/// <param name="ProbabilityX">q_x, probability of the X basis for Alice and for Bob.</param>
public readonly record struct DecoySettings(
    double SignalIntensity,
    double DecoyIntensity,
    double VacuumIntensity,
    double SignalProbability,
    double DecoyProbability,
    double ProbabilityX)
{
    /// <summary>p_mu3 = 1 - p_mu1 - p_mu2.</summary>
    public double VacuumProbability => 1 - SignalProbability - DecoyProbability;

    /// <summary>Whether the settings satisfy the conditions of the bounds (mu1 &gt; mu2 + mu3, mu2 &gt; mu3 &gt;= 0, probabilities in (0, 1)).</summary>
    public bool IsValid =>
        VacuumIntensity >= 0 && DecoyIntensity > VacuumIntensity && SignalIntensity > DecoyIntensity + VacuumIntensity
        && SignalProbability > 0 && DecoyProbability > 0 && VacuumProbability > 0
        && ProbabilityX > 0 && ProbabilityX < 1 && double.IsFinite(SignalIntensity);
}
