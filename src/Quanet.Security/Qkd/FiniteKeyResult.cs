namespace Quanet.Security.Qkd;

/// <summary>
/// One evaluation of the finite-key bound of Lim et al. (PRA 89, 022307, 2014) on the expected detection
/// counts of a link: the secret key length of one block and every quantity of equations (1)-(5).
/// </summary>
/// <param name="Settings">The intensities, their probabilities and q_x used.</param>
/// <param name="KeyLength">l, secret bits extracted from the block (0 when no key can be made).</param>
/// <param name="Pulses">N, pulses Alice sends until the X basis holds n_X detections (1 for the asymptotic rate).</param>
/// <param name="RatePerPulse">R = l / N, secret bits per pulse sent.</param>
/// <param name="Qber">e_obs = m_X / n_X, the error rate of the X-basis block (over all intensities).</param>
/// <param name="VacuumEvents">s_X,0, lower bound on the block's vacuum events (per pulse for the asymptotic rate).</param>
/// <param name="SinglePhotonEvents">s_X,1, lower bound on the block's single-photon events (per pulse for the asymptotic rate).</param>
/// <param name="PhaseError">phi_X, upper bound on the phase-error rate of the single-photon events.</param>
/// <param name="EpsilonSecrecy">The secrecy parameter the key length was computed for.</param>
public sealed record FiniteKeyResult(
    DecoySettings Settings,
    double KeyLength,
    double Pulses,
    double RatePerPulse,
    double Qber,
    double VacuumEvents,
    double SinglePhotonEvents,
    double PhaseError,
    double EpsilonSecrecy)
{
    /// <summary>
    /// The key length as the optimiser scores it where there is no key: it keeps falling, by s_X,1 (phi_X - 1/2),
    /// where the phase-error bound passes 1/2 and h(phi_X) stays at 1.
    /// </summary>
    internal double RelaxedLength { get; init; }
}
