using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Optimization.Qubo.Formats;

namespace Quanet.Cli.Commands.Qubo;

/// <summary><c>quanet qubo convert IN OUT</c>: rewrite a model in another file format.</summary>
internal static class QuboConvertCommand
{
    public static Command Create()
    {
        var from = QuboFormatOption.Create("--from", "Input format, when the extension does not tell");
        var to = QuboFormatOption.Create("--to", "Output format (gset, dimod, coo, qbsolv, lp, braket), when the extension does not tell");
        var input = new Argument<FileInfo>("in") { Description = "Input model file" }
            .MustExist().Check(r => r.GetValue(from) is null ? QuboFormatOption.PathProblem(r) : null);
        var output = new Argument<FileInfo>("out") { Description = "Output file; the format follows the extension (.json dimod, .coo, .qubo, .lp, .txt gset, .braket.json Braket annealing)" }.MustBeWritable();
        output.Check(r => r.GetValue(to) is null ? QuboFormatOption.PathProblem(r) : null);
        var json = CommonOptions.Json();
        var command = new Command("convert", "Convert a QUBO / Ising model between file formats");
        command.Arguments.Add(input);
        command.Arguments.Add(output);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(json);
        CommandRunner.SetBody(command, (ctx, _) =>
        {
            var inPath = ctx.Get(input)!.FullName;
            var outPath = ctx.Get(output)!.FullName;
            var inFormat = QuboFormatOption.Resolve(ctx.Get(from), inPath);
            var outFormat = QuboFormatOption.Resolve(ctx.Get(to), outPath);
            var model = QuboFormats.Read(inPath, inFormat);
            QuboFormats.Write(model, outPath, outFormat);
            if (ctx.Get(json))
            {
                ctx.WriteJson(new { Input = inPath, InputFormat = inFormat, Output = outPath, OutputFormat = outFormat, Variables = model.VariableCount, Interactions = model.InteractionCount });
            }
            else
            {
                ctx.Output.WriteLine($"{Path.GetFileName(inPath)} ({inFormat}) -> {Path.GetFileName(outPath)} ({outFormat}): {model.VariableCount} variables, {model.InteractionCount} interactions");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
