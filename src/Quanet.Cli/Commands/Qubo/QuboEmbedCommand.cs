using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Optimization.Embedding;
using Quanet.Optimization.Qubo.Formats;

namespace Quanet.Cli.Commands.Qubo;

/// <summary><c>quanet qubo embed MODEL --topology T --out FILE</c>: minor-embed a model's interaction graph into a D-Wave qubit graph.</summary>
internal static class QuboEmbedCommand
{
    public static Command Create()
    {
        var format = QuboFormatOption.Create("--format", $"Input format ({QuboFormatOption.Names}); default from the extension");
        var file = new Argument<FileInfo>("model") { Description = "Model file (any format `qubo solve` reads)" }
            .MustExist().Check(r => r.GetValue(format) is null ? QuboFormatOption.PathProblem(r) : null);
        var topology = new Option<string>("--topology")
        {
            Description = "Target qubit graph: chimera:M[,N[,T]], pegasus:M (fabric only) or pegasus:M,full, zephyr:M[,T]",
            Required = true,
        };
        topology.Validators.Add(r =>
        {
            if (HardwareGraph.Problem(r.GetValueOrDefault<string>()) is { } problem)
            {
                r.AddError($"--topology: {problem}");
            }
        });
        var output = new Option<FileInfo>("--out") { Description = "Embedding file to write ({\"topology\", \"chains\"})", Required = true }.MustBeWritable();
        var seed = CommonOptions.Seed();
        var time = CommonOptions.TimeLimit(0).MustBeNonNegative();
        time.Description = "Time limit in seconds; 0 = the fixed work budget only (the result then depends on the seed alone)";
        var json = CommonOptions.Json();
        var command = new Command("embed", "Minor-embed a model into a Chimera, Pegasus or Zephyr qubit graph and report chains and qubits");
        command.Arguments.Add(file);
        command.Options.Add(format);
        command.Options.Add(topology);
        command.Options.Add(output);
        command.Options.Add(seed);
        command.Options.Add(time);
        command.Options.Add(json);
        CommandRunner.SetBody(command, (ctx, _) =>
        {
            var path = ctx.Get(file)!.FullName;
            var model = QuboFormats.Read(path, QuboFormatOption.Resolve(ctx.Get(format), path));
            var target = HardwareGraph.Parse(ctx.Get(topology)!);
            var seconds = ctx.Get(time);
            var started = TimeProvider.System.GetTimestamp();
            var embedding = MinorEmbedder.Embed(model, target, new EmbeddingOptions
            {
                Seed = ctx.Get(seed),
                TimeLimit = seconds > 0 ? TimeSpan.FromSeconds(seconds) : null,
            });
            var elapsed = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
            EmbeddingFile.Write(embedding, ctx.Get(output)!.FullName);
            var stats = EmbeddingStatistics.Of(embedding, model, target);
            if (ctx.Get(json))
            {
                ctx.WriteJson(new
                {
                    Model = Path.GetFileName(path),
                    stats.Topology,
                    stats.LogicalVariables,
                    stats.LogicalCouplers,
                    stats.PhysicalQubits,
                    stats.MaxChainLength,
                    stats.MeanChainLength,
                    stats.TargetQubits,
                    stats.LargestNativeClique,
                    Seconds = elapsed,
                    Out = ctx.Get(output)!.FullName,
                });
            }
            else
            {
                ctx.Output.WriteLine($"{Path.GetFileName(path)} -> {target}: {stats.LogicalVariables} variables, {stats.LogicalCouplers} couplers -> {stats.PhysicalQubits} qubits, chains max {stats.MaxChainLength}, mean {stats.MeanChainLength:0.##} ({elapsed:0.##} s); native clique K_{stats.LargestNativeClique}; wrote {Path.GetFileName(ctx.Get(output)!.FullName)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
