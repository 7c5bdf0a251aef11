namespace Quanet.Fuzz;

/// <summary>Every parser Quanet reads user files with, one fuzz target each (list them with <c>run.sh --list</c>).</summary>
internal static partial class FuzzCatalog
{
    /// <summary>All targets, by name.</summary>
    public static IReadOnlyList<FuzzTarget> All { get; } = [.. Optimization(), .. Planning(), .. Operations(), .. Defence(), .. Security()];

    /// <summary>The target named <paramref name="name"/>, or null.</summary>
    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
