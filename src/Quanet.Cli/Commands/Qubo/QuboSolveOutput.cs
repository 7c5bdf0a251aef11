using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Optimization.Qubo;
using Quanet.Workflows.Solvers;
using Spectre.Console;

namespace Quanet.Cli.Commands.Qubo;

/// <summary>Prints the result of <c>qubo solve</c>: one JSON document, or a table and the state.</summary>
internal static class QuboSolveOutput
{
    public static void Write(CommandContext ctx, string name, string fileName, BinaryQuadraticModel model, QuboSolution solution, bool json)
    {
        var result = solution.Samples;
        var certificate = solution.Certificate;
        var best = result.Best;
        var stats = result.Statistics;
        var state = new Dictionary<string, int>(model.VariableCount, StringComparer.Ordinal);
        for (var i = 0; i < model.VariableCount; i++)
        {
            state[model.Labels[i]] = best.State[i];
        }

        if (json)
        {
            ctx.WriteJson(new
            {
                Solver = name,
                Sampler = stats.Sampler,
                Vartype = model.Vartype,
                Variables = model.VariableCount,
                Interactions = model.InteractionCount,
                Energy = best.Energy,
                Seconds = stats.Elapsed.TotalSeconds,
                TimeToBest = stats.TimeToBest.TotalSeconds,
                Reads = stats.Reads,
                FlipAttempts = stats.FlipAttempts,
                TimedOut = stats.TimedOut,
                DistinctSamples = result.Samples.Count,
                ProvenOptimal = solution.ProvenOptimal,
                LowerBound = certificate?.LowerBound,
                Tolerance = certificate?.Tolerance,
                State = state,
            });
            return;
        }

        var table = new Table().HideHeaders().AddColumns("", "");
        table.AddRow("model", Markup.Escape($"{fileName}: {model.VariableCount} {model.Vartype.ToString().ToLowerInvariant()} variables, {model.InteractionCount} interactions"));
        table.AddRow("solver", Markup.Escape(name == stats.Sampler ? name : $"{name} ({stats.Sampler})"));
        table.AddRow("best energy", best.Energy.ToString("G12", CultureInfo.InvariantCulture));
        if (certificate is not null)
        {
            table.AddRow("lower bound", certificate.LowerBound.ToString("G12", CultureInfo.InvariantCulture));
        }

        table.AddRow("proven optimal", solution.ProvenOptimal ? "yes" : "no");
        table.AddRow("time", string.Create(CultureInfo.InvariantCulture, $"{stats.Elapsed.TotalSeconds:F2} s (best after {stats.TimeToBest.TotalSeconds:F2} s)"));
        table.AddRow("reads", string.Create(CultureInfo.InvariantCulture, $"{stats.Reads} ({result.Samples.Count} distinct states, {stats.FlipAttempts:N0} flip attempts)"));
        ctx.Console.Write(table);
        ctx.Output.WriteLine(model.VariableCount <= 64
            ? "state: " + string.Join(' ', state.Select(p => $"{p.Key}={p.Value}"))
            : "state: " + string.Concat(best.State.ToArray().Select(v => v > 0 ? '1' : '0')));
    }
}
