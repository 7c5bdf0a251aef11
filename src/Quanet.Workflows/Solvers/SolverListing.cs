namespace Quanet.Workflows.Solvers;

/// <summary>One catalogue entry as listed: no factory.</summary>
/// <param name="Name">The name <c>--solver</c> takes.</param>
/// <param name="Description">What the solver does.</param>
/// <param name="MaxVariables">The largest QUBO it takes, in variables (qubits); null for no limit.</param>
/// <param name="NotAvailable">Why it cannot run on this machine, or null when it can.</param>
public sealed record SolverListing(string Name, string Description, int? MaxVariables, string? NotAvailable = null);
