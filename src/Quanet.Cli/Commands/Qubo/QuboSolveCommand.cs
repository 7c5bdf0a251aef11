using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Optimization.Qubo.Formats;
using Quanet.Optimization.Sampling;
using Quanet.Workflows.Solvers;

namespace Quanet.Cli.Commands.Qubo;

/// <summary><c>quanet qubo solve FILE</c>: minimise a QUBO / Ising model read from a file.</summary>
internal static class QuboSolveCommand
{
    public static Command Create()
    {
        var family = SolverCatalogue.Qubo;
        var format = QuboFormatOption.Create("--format", $"Input format ({QuboFormatOption.Names}); default from the extension");
        var file = new Argument<FileInfo>("file") { Description = "Model file (gset/mqlib .txt, dimod .json, .coo, qbsolv .qubo, CPLEX .lp)" }
            .MustExist().Check(r => r.GetValue(format) is null ? QuboFormatOption.PathProblem(r) : null);
        var solver = new Option<string>("--solver") { Description = "Solver" }.SolverOf(family);
        var time = CommonOptions.TimeLimit(family.DefaultSeconds).MustBeNonNegative();
        time.Description = "Time limit in seconds; 0 = no limit (each sampler runs its fixed budget; exact runs to optimality)";
        var seed = CommonOptions.Seed();
        var reads = new Option<int>("--reads") { Description = "Independent reads, run in parallel (0 = one per core)", DefaultValueFactory = _ => 0 }.MustBeAtLeast(0);
        var json = CommonOptions.Json();
        var command = new Command("solve", "Minimise a QUBO / Ising model and print the best state");
        command.Arguments.Add(file);
        command.Options.Add(format);
        command.Options.Add(solver);
        command.Options.Add(time);
        command.Options.Add(seed);
        command.Options.Add(reads);
        command.Options.Add(json);
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var entry = family.Get(ctx.Get(solver)!);
            var path = ctx.Get(file)!.FullName;
            var model = QuboFormats.Read(path, QuboFormatOption.Resolve(ctx.Get(format), path));
            var options = new SamplerOptions { Seed = ctx.Get(seed), TimeLimit = SolveRunner.Limit(ctx.Get(time)), Reads = ctx.Get(reads) };
            var solution = await SolveRunner.RunAsync(ctx, entry.Name, (o, c) => QuboSolving.Solve(entry, model, o, c), options, ctx.Get(json), ct);
            QuboSolveOutput.Write(ctx, entry.Name, Path.GetFileName(path), model, solution, ctx.Get(json));
            return ExitCodes.Success;
        });
        return command;
    }
}
