namespace Quanet.Optimization.Sampling.Bifurcation;

/// <summary>The simulated-bifurcation variant (Goto et al., Sci. Adv. 7, eabe7953, 2021).</summary>
public enum BifurcationVariant
{
    /// <summary>Ballistic SB (bSB): the coupling force uses the positions x_j themselves.</summary>
    Ballistic,

    /// <summary>Discrete SB (dSB): the coupling force uses the signs sign(x_j), so the dynamics see the Ising energy of the current signs.</summary>
    Discrete,
}
