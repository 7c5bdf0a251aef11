using Quanet.Optimization.Steiner;
using Quanet.Workflows.Solvers;

namespace Quanet.Workflows.Tests.Solvers;

public sealed class SolverCatalogueTests
{
    public static TheoryData<string> Problems => [.. SolverCatalogue.Families.Select(f => f.Problem)];

    [Theory]
    [MemberData(nameof(Problems))]
    public void Every_family_has_unique_lower_case_names_with_descriptions_and_a_listed_default(string problem)
    {
        var family = SolverCatalogue.Families.Single(f => f.Problem == problem);

        var listing = family.List();

        Assert.NotEmpty(listing);
        Assert.Equal(listing.Count, listing.Select(e => e.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(listing, e => Assert.Equal(e.Name.ToLowerInvariant(), e.Name));
        Assert.All(listing, e => Assert.False(string.IsNullOrWhiteSpace(e.Description), e.Name));
        Assert.Contains(family.DefaultName, family.Names);
        Assert.True(family.DefaultSeconds >= 0);
    }

    [Fact]
    public void Every_sampler_entry_builds_a_sampler_of_its_own_name()
    {
        foreach (var family in new[] { SolverCatalogue.Qubo, SolverCatalogue.MaxCut })
        {
            Assert.All(family.Entries, e => Assert.Equal(e.Name, e.Create().Name));
        }
    }

    [Fact]
    public void Every_placement_entry_builds_a_solver_of_its_own_name()
    {
        foreach (var family in new[] { SolverCatalogue.Placement, SolverCatalogue.SetCover })
        {
            Assert.All(family.Entries, e => Assert.Equal(e.Name, e.Create().Name));
        }
    }

    [Fact]
    public void Steiner_entries_build_their_methods_and_only_the_exact_sampler_is_built_in()
    {
        Assert.Equal(
            [SteinerMethod.Exact, SteinerMethod.Heuristic, SteinerMethod.Qubo, SteinerMethod.Qubo],
            SolverCatalogue.Steiner.Entries.Select(e => e.Create()));
        Assert.All(SolverCatalogue.SteinerQubo.Entries, e => Assert.Equal(e.Name == "exact", e.Create() is null));
        Assert.All(SolverCatalogue.SteinerQubo.Entries.Where(e => e.Name != "exact"), e => Assert.Equal(e.Name, e.Create()!.Name));
    }

    [Fact]
    public void Compare_resolves_to_every_placement_solver_in_order()
    {
        var solvers = SolverCatalogue.Placement.Resolve("compare");

        // qubo-hybrid is one row per sub-solver (export writes files, so compare leaves it out)
        Assert.Equal(
            ["cpsat", "heuristic", "anneal", "qubo", "sb", "qubo-hybrid (exact)", "qubo-hybrid (sa)", "qubo-hybrid (pt)", "qubo-hybrid (tabu)", "qubo-hybrid (sb)", "qubo-hybrid (qaoa)", "qaoa"],
            solvers.Select(s => s.Name));
        Assert.Equal(["heuristic"], SolverCatalogue.Placement.Resolve("HEURISTIC").Select(s => s.Name));
    }

    [Fact]
    public void Unknown_name_lists_the_known_ones()
    {
        var placement = Assert.Throws<ArgumentException>(() => SolverCatalogue.Placement.Resolve("gurobi"));
        var setCover = Assert.Throws<ArgumentException>(() => SolverCatalogue.SetCover.Resolve("compare"));

        Assert.StartsWith("unknown solver 'gurobi' (known: cpsat, heuristic, anneal, qubo, sb, qubo-hybrid, qaoa, compare)", placement.Message, StringComparison.Ordinal);
        Assert.StartsWith("unknown solver 'compare' (known: cpsat, heuristic, qubo, qubo-hybrid, anneal)", setCover.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Qaoa_says_why_a_large_qubo_is_out_of_reach()
    {
        var qaoa = SolverCatalogue.Qubo.Get("qaoa");

        Assert.Equal("qaoa: QUBO has 244 qubits, max 26", qaoa.Unavailable(244));
        Assert.Null(qaoa.Unavailable(26));
        Assert.Null(SolverCatalogue.Qubo.Get("tabu").Unavailable(1_000_000));
    }

    [Fact]
    public void Description_lists_every_entry_with_what_it_does()
    {
        var text = SolverCatalogue.Placement.Describe();

        Assert.All(SolverCatalogue.Placement.Names, n => Assert.Contains(n + " (", text, StringComparison.Ordinal));
        Assert.EndsWith(", or compare (all of them)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_family_refuses_duplicate_names_and_an_unknown_default()
    {
        SolverEntry<int> one = new() { Name = "one", Description = "1", Create = () => 1 };

        Assert.Throws<ArgumentException>(() => new SolverFamily<int>("test", [one, one with { Description = "again" }], "one", 1));
        Assert.Throws<ArgumentException>(() => new SolverFamily<int>("test", [one], "two", 1));
    }
}
