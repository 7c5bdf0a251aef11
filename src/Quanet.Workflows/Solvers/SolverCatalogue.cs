namespace Quanet.Workflows.Solvers;

/// <summary>
/// Every solver Quanet offers, one family per problem kind: the names <c>--solver</c> takes, what each
/// does, its limits, the defaults and how to build it. The CLI's option descriptions and validation,
/// <c>compare</c> runs and the tests all read from here; adding a solver means adding its entry here
/// (and a test), nothing else.
/// </summary>
public static partial class SolverCatalogue
{
    /// <summary>The name that runs every entry of a family that allows it (<see cref="SolverFamily{TSolver}.AllowsCompare"/>).</summary>
    public const string Compare = "compare";

    /// <summary>Every family, for listings and the tests that walk the catalogue.</summary>
    public static IReadOnlyList<ISolverFamily> Families => [Qubo, MaxCut, Placement, SetCover, Steiner, SteinerQubo];
}
