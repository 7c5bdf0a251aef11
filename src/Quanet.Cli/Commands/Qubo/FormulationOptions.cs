using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Optimization.Qubo.Constraints;
using Quanet.Workflows.Formulations;

namespace Quanet.Cli.Commands.Qubo;

/// <summary>The options every <c>quanet qubo formulate</c> subcommand shares, and <c>--formulation</c> for the solving commands.</summary>
internal sealed class FormulationOptions
{
    public static readonly string[] Names = ["slack", "unbalanced", "equality"];

    public Option<string> Formulation { get; } = new Option<string>("--formulation")
    {
        Description = "QUBO formulation of the inequalities: slack (log-encoded slack bits), unbalanced (Montañez-Barrera et al. 2024, no slack), equality (a site count as an equality where exact), or all",
        DefaultValueFactory = _ => "all",
    }.MustBeOneOf([.. Names, "all"]);

    public Option<int> Reads { get; } = new Option<int>("--reads") { Description = "Simulated-annealing reads per formulation (default 100)", DefaultValueFactory = _ => 100 }.MustBeAtLeast(1);

    public Option<int> Sweeps { get; } = new Option<int>("--sweeps") { Description = "Metropolis sweeps per read (default 1000)", DefaultValueFactory = _ => 1000 }.MustBeAtLeast(1);

    public Option<int> Seed { get; } = CommonOptions.Seed();

    public Option<double?> Optimum { get; } = new Option<double?>("--optimum") { Description = "Known optimum to compare with; default: solve exactly within --time" };

    public Option<double> Time { get; } = CommonOptions.TimeLimit(30).MustBePositive();

    public Option<bool> Json { get; } = CommonOptions.Json();

    /// <summary><c>--formulation</c> for <c>plan</c> and <c>setcover</c> with <c>--solver qubo</c> or <c>qaoa</c>: one formulation, default slack.</summary>
    public static Option<string> ForSolver() => new Option<string>("--formulation")
    {
        Description = "With --solver qubo or qaoa: QUBO formulation of the inequalities: slack (default; log-encoded slack bits), unbalanced (no slack bits, Montañez-Barrera et al. 2024), equality (a site count as an equality where exact)",
        DefaultValueFactory = _ => "slack",
    }.MustBeOneOf(Names);

    public static QuboFormulation Parse(string name) => Enum.Parse<QuboFormulation>(name, ignoreCase: true);

    public void AddTo(Command command)
    {
        foreach (Option option in (Option[])[Formulation, Reads, Sweeps, Seed, Optimum, Time, Json])
        {
            command.Options.Add(option);
        }
    }

    public IReadOnlyList<QuboFormulation> Formulations(CommandContext ctx) =>
        ctx.Get(Formulation) is { } f && !f.Equals("all", StringComparison.OrdinalIgnoreCase) ? [Parse(f)] : FormulationStudies.All;

    public FormulationSampling Sampling(CommandContext ctx) => new() { Reads = ctx.Get(Reads), Sweeps = ctx.Get(Sweeps), Seed = ctx.Get(Seed), Threads = 0 };

    public TimeSpan ReferenceLimit(CommandContext ctx) => TimeSpan.FromSeconds(ctx.Get(Time));
}
