namespace Quanet.Cli.Commands.Steiner;

/// <summary>Size of the instance after reductions, and the weight fixed into the tree by them.</summary>
internal sealed record SteinerReductionReport(int Nodes, int Edges, int Terminals, long FixedCost);
