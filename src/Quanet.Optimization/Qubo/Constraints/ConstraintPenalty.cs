namespace Quanet.Optimization.Qubo.Constraints;

/// <summary>How one constraint was folded into a <see cref="ConstrainedQubo"/>: its effective weight and its encoding.</summary>
/// <param name="Weight">Penalty weight times the constraint's own weight.</param>
/// <param name="Pairwise">True for an at-most-one penalised pairwise (weight times the number of set pairs), false for a squared penalty with slack bits.</param>
internal readonly record struct ConstraintPenalty(double Weight, bool Pairwise);
