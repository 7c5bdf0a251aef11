using System.Globalization;

namespace Quanet.Workflows.Solvers;

/// <summary>One solver of a <see cref="SolverFamily{TSolver}"/>: its name, what it does, its limits and how to build it.</summary>
/// <typeparam name="TSolver">What the factory builds (a sampler, a placement solver, a method).</typeparam>
public sealed record SolverEntry<TSolver>
{
    /// <summary>The name <c>--solver</c> takes (lower case, unique in its family).</summary>
    public required string Name { get; init; }

    /// <summary>One line saying what the solver does, for option descriptions and listings.</summary>
    public required string Description { get; init; }

    /// <summary>Builds a fresh solver.</summary>
    public required Func<TSolver> Create { get; init; }

    /// <summary>
    /// What <see cref="SolverCatalogue.Compare"/> runs for this entry, e.g. one row per sub-solver of a hybrid.
    /// <value>Default null: the one solver <see cref="Create"/> builds.</value>
    /// </summary>
    public Func<IReadOnlyList<TSolver>>? CompareAs { get; init; }

    /// <summary>The largest model, in QUBO variables (qubits), the solver takes. <value>Default null: no limit.</value></summary>
    public int? MaxVariables { get; init; }

    /// <summary>Whether the solver calls OR-Tools' native library. <value>Default false.</value></summary>
    public bool NeedsOrTools { get; init; }

    /// <summary>Why the solver cannot run on this machine at all, or null when it can.</summary>
    public string? NotAvailable => NeedsOrTools && Quanet.Optimization.Exact.OrToolsRuntime.Unavailable is { } reason ? $"{Name}: {reason}" : null;

    /// <summary>Why the solver cannot take a QUBO of <paramref name="variables"/> variables, or null when it can.</summary>
    public string? Unavailable(int variables) => MaxVariables is { } max && variables > max
        ? string.Create(CultureInfo.InvariantCulture, $"{Name}: QUBO has {variables} qubits, max {max}")
        : null;
}
