using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Optimization.Qaoa;
using Quanet.Optimization.Qubo.Formats;
using Quanet.Optimization.Sampling;

namespace Quanet.Cli.Commands.Qubo;

/// <summary><c>quanet qubo qaoa FILE OUT</c>: optimise QAOA angles and export the circuit for Amazon Braket.</summary>
internal static class QuboQaoaCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = $"Model file (at most {QaoaStateVector.MaxQubits} variables)" }.MustExist();
        var output = new Argument<FileInfo>("out") { Description = "Output: Braket OpenQASM program JSON (.json) or plain OpenQASM 3 (.qasm)" };
        var format = QuboFormatOption.Create("--format", "Input format; default from the extension");
        var depth = new Option<int>("--depth") { Description = "QAOA depth p", DefaultValueFactory = _ => 3 }.MustBeAtLeast(1);
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var command = new Command("qaoa", "Optimise QAOA angles on the simulator and export the circuit (OpenQASM 3 / Braket JSON)");
        command.Arguments.Add(file);
        command.Arguments.Add(output);
        command.Options.Add(format);
        command.Options.Add(depth);
        command.Options.Add(seed);
        command.Options.Add(json);
        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var p = ctx.Get(depth);
            var inPath = ctx.Get(file)!.FullName;
            var model = QuboFormats.Read(inPath, QuboFormatOption.Resolve(ctx.Get(format), inPath));
            var angles = await Task.Run(() => new QaoaSampler { Depth = p }.OptimizeAngles(model, new SamplerOptions { Seed = ctx.Get(seed) }, ct), ct);
            var outPath = ctx.Get(output)!.FullName;
            var text = outPath.EndsWith(".qasm", StringComparison.OrdinalIgnoreCase)
                ? OpenQasmExporter.ToOpenQasm(model, angles.Gammas, angles.Betas)
                : OpenQasmExporter.ToBraketProgramJson(model, angles.Gammas, angles.Betas);
            await File.WriteAllTextAsync(outPath, text, ct);
            if (ctx.Get(json))
            {
                ctx.WriteJson(new { Output = outPath, Depth = p, angles.Gammas, angles.Betas, angles.Expectation, angles.MinimumCost, angles.Evaluations });
            }
            else
            {
                ctx.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"depth {p}: <H> = {angles.Expectation:G8} (minimum {angles.MinimumCost:G8}) after {angles.Evaluations} simulations; circuit written to {Path.GetFileName(outPath)}"));
                ctx.Output.WriteLine("gammas: " + string.Join(' ', angles.Gammas.Select(g => g.ToString("G6", CultureInfo.InvariantCulture))));
                ctx.Output.WriteLine("betas:  " + string.Join(' ', angles.Betas.Select(b => b.ToString("G6", CultureInfo.InvariantCulture))));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
