namespace Quanet.Planning.Capacity;

/// <summary>One solve-evaluate round of the sinr or traffic objective.</summary>
/// <param name="Round">1-based.</param>
/// <param name="Sites">Sites chosen.</param>
/// <param name="Estimate">The solver's objective on the round's instance (people).</param>
/// <param name="Evaluated">The exact evaluation of the choice: people covered (coverage), people at the minimum SINR (sinr) or Mbit/s served within capacity (traffic).</param>
/// <param name="Changed">What the choice's interference changed for the next round: site-demand pairs below the minimum SINR (sinr) or sites whose capacity moved by more than 1 % (traffic).</param>
public sealed record CapacityRound(int Round, int Sites, double Estimate, double Evaluated, int Changed);
