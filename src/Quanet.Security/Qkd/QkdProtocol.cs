namespace Quanet.Security.Qkd;

/// <summary>Which lower bound on the single-photon contribution the key rate uses.</summary>
public enum QkdProtocol
{
    /// <summary>Decoy-state BB84 with infinitely many decoys: Q1 and e1 known exactly (Lo, Ma, Chen 2005).</summary>
    Decoy,

    /// <summary>Vacuum + one weak decoy bounds on Y1 and e1 (Ma, Qi, Zhao, Lo 2005, equations 34-35).</summary>
    VacuumWeak,

    /// <summary>No decoys: GLLP with the worst-case multi-photon fraction (Gottesman, Lo, Lütkenhaus, Preskill 2004).</summary>
    Gllp,
}
