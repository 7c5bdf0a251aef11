using Quanet.Optimization.Qubo.Constraints;

namespace Quanet.Workflows.Formulations;

/// <summary>The reports of <see cref="FormulationStudies"/>: one per formulation, the reference they are compared with, and notes.</summary>
/// <param name="Problem">What was encoded (<c>maximal covering</c>, <c>set cover</c>, <c>steiner</c>).</param>
/// <param name="Reports">One report per formulation built, in the order asked.</param>
/// <param name="Reference">The optimum or best known value each report's objective is compared with, or null.</param>
/// <param name="ReferenceSource">Where <paramref name="Reference"/> comes from (<c>given</c>, <c>cpsat (proven)</c>, <c>cpsat (not proven)</c>, ...).</param>
/// <param name="Notes">Formulations that could not be built or that coincide with another, with the reason.</param>
public sealed record FormulationStudy(string Problem, IReadOnlyList<FormulationReport> Reports, double? Reference, string ReferenceSource, IReadOnlyList<string> Notes);
