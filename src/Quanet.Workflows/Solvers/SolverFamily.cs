namespace Quanet.Workflows.Solvers;

/// <summary>
/// The solvers of one problem kind (QUBO sampling, max-cut, placement, set cover, Steiner trees, Steiner QUBOs),
/// with the defaults the commands and the server use. Names are case-insensitive.
/// </summary>
/// <typeparam name="TSolver">What the entries build.</typeparam>
public sealed class SolverFamily<TSolver> : ISolverFamily
{
    /// <summary>Creates a family; the first entry named <paramref name="defaultName"/> is the default.</summary>
    /// <exception cref="ArgumentException">Duplicate names, or the default is not an entry.</exception>
    public SolverFamily(string problem, IReadOnlyList<SolverEntry<TSolver>> entries, string defaultName, double defaultSeconds, bool allowsCompare = false)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (!names.Add(entry.Name) || string.Equals(entry.Name, SolverCatalogue.Compare, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"solver name '{entry.Name}' is used twice, or is the reserved '{SolverCatalogue.Compare}', in the {problem} family", nameof(entries));
            }
        }

        if (!names.Contains(defaultName))
        {
            throw new ArgumentException($"the default solver '{defaultName}' is not in the {problem} family", nameof(defaultName));
        }

        Problem = problem;
        Entries = entries;
        DefaultName = defaultName;
        DefaultSeconds = defaultSeconds;
        AllowsCompare = allowsCompare;
        Names = [.. entries.Select(e => e.Name)];
    }

    /// <summary>The problem kind, e.g. "QUBO" or "placement".</summary>
    public string Problem { get; }

    /// <summary>The entries, in the order <see cref="SolverCatalogue.Compare"/> runs them.</summary>
    public IReadOnlyList<SolverEntry<TSolver>> Entries { get; }

    /// <summary>The entry names, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The solver used when none is named.</summary>
    public string DefaultName { get; }

    /// <summary>The default time limit in seconds; 0 means none (each solver runs its own fixed budget).</summary>
    public double DefaultSeconds { get; }

    /// <summary>Whether <see cref="SolverCatalogue.Compare"/> is accepted as a name (runs every entry).</summary>
    public bool AllowsCompare { get; }

    /// <inheritdoc />
    public IReadOnlyList<SolverListing> List() => [.. Entries.Select(e => new SolverListing(e.Name, e.Description, e.MaxVariables, e.NotAvailable))];

    /// <summary>The entry called <paramref name="name"/>, or null.</summary>
    public SolverEntry<TSolver>? Find(string name) =>
        Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether <paramref name="name"/> names an entry (or <see cref="SolverCatalogue.Compare"/> where allowed).</summary>
    public bool Accepts(string name) =>
        Find(name) is not null || (AllowsCompare && string.Equals(name, SolverCatalogue.Compare, StringComparison.OrdinalIgnoreCase));

    /// <summary>Why the solver <paramref name="name"/> cannot run on this machine, or null (also for an unknown name or <c>compare</c>).</summary>
    public string? NotAvailable(string name) => Find(name)?.NotAvailable;

    /// <summary>The entry called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No entry has that name.</exception>
    public SolverEntry<TSolver> Get(string name) =>
        Find(name) ?? throw new ArgumentException(UnknownName(name), nameof(name));

    /// <summary>
    /// The solvers <paramref name="name"/> stands for: one, or for <see cref="SolverCatalogue.Compare"/> every entry
    /// (as its <see cref="SolverEntry{TSolver}.CompareAs"/> lists it, e.g. a hybrid once per sub-solver).
    /// </summary>
    /// <exception cref="ArgumentException">No entry has that name.</exception>
    public IReadOnlyList<TSolver> Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return AllowsCompare && string.Equals(name, SolverCatalogue.Compare, StringComparison.OrdinalIgnoreCase)
            ? [.. Entries.SelectMany(e => e.CompareAs?.Invoke() ?? [e.Create()])]
            : [Get(name).Create()];
    }

    /// <summary>The message for a name that is not in the family: <c>unknown solver 'x' [for WHERE] (known: a, b, c)</c>.</summary>
    public string UnknownName(string name, string? where = null) =>
        $"unknown solver '{name}'{(where is null ? string.Empty : " for " + where)} (known: {string.Join(", ", Names)}{(AllowsCompare ? ", " + SolverCatalogue.Compare : string.Empty)})";

    /// <summary>Every entry with its description, for an option's help text.</summary>
    public string Describe() =>
        string.Join(", ", Entries.Select(e => $"{e.Name} ({e.Description})"))
        + (AllowsCompare ? $", or {SolverCatalogue.Compare} (all of them)" : string.Empty);
}
