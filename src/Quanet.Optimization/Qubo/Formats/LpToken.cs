namespace Quanet.Optimization.Qubo.Formats;

/// <summary>A token of a CPLEX LP file with its 1-based line.</summary>
internal readonly record struct LpToken(LpTokenKind Kind, string Text, double Number, int Line);

/// <summary>Kinds of CPLEX LP tokens.</summary>
internal enum LpTokenKind
{
    Name,
    Number,
    Symbol,
    End,
}
