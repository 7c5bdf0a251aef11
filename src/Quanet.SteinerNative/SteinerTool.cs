using System.CommandLine;
using System.Globalization;
using Quanet.Core;
using Quanet.Core.Text;
using Quanet.Optimization.Steiner;

namespace Quanet.SteinerNative;

/// <summary>
/// The <c>quanet-steiner</c> command: one Steiner tree instance (PACE 2018 <c>.gr</c> or SteinLib STP, from a file or
/// standard input) solved by the exact method or the heuristic, written in the PACE 2018 output format or as JSON.
/// Exit codes as the <c>quanet</c> command's: 0 with a tree (also when stopped by a signal: the best tree so far),
/// 1 for an input that cannot be read or solved, 2 for a usage error.
/// </summary>
internal static class SteinerTool
{
    // as long as the quanet command allows: a message quoting a whole file is cut
    private const int MaxErrorLength = 2000;

    /// <summary>Parses <paramref name="args"/>, solves, writes; returns the process exit code.</summary>
    public static int Run(string[] args, Stream input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var file = new Argument<string>("file")
        {
            Description = "Instance in PACE 2018 .gr or SteinLib STP format; '-' or none reads standard input",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "-",
        };
        file.Validators.Add(result =>
        {
            var path = result.GetValueOrDefault<string>();
            if (path != "-" && !File.Exists(path))
            {
                result.AddError(Directory.Exists(path) ? $"{path} is a folder: give one instance file" : $"file not found: {path}");
            }
        });
        var solver = new Option<string>("--solver") { Description = "exact (reductions, dual ascent, branch-and-cut) or heuristic", DefaultValueFactory = _ => "exact" };
        solver.AcceptOnlyFromAmong("exact", "heuristic");
        var time = new Option<double>("--time") { Description = "Time limit in seconds; the best tree so far is written when it ends", DefaultValueFactory = _ => 60 };
        time.Validators.Add(result =>
        {
            var seconds = result.GetValueOrDefault<double>();
            if (!(seconds > 0 && seconds <= MaxSeconds))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--time must be more than 0 and at most {MaxSeconds} seconds"));
            }
        });
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed and instance give the same tree", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Write the tree, its cost, lower bound and statistics as one JSON document (node ids 1-based)" };
        var root = new RootCommand("quanet-steiner: Quanet's Steiner tree solver alone, in the PACE 2018 interface: the instance on standard input (or a file), the tree on standard output as VALUE and one edge per line; SIGTERM writes the best tree so far")
        {
            file, solver, time, seed, json,
        };
        root.SetAction(parsed => Solve(
            new Request(parsed.GetValue(file)!, parsed.GetValue(solver) == "heuristic" ? SteinerMethod.Heuristic : SteinerMethod.Exact, parsed.GetValue(time), parsed.GetValue(seed), parsed.GetValue(json)),
            input,
            output,
            error,
            cancellationToken));

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // one line per problem, every problem at once
            foreach (var parseError in parseResult.Errors)
            {
                error.WriteLine($"error: {Printable.Escape(OneLine(parseError.Message), MaxErrorLength)}");
            }

            return Usage;
        }

        // the signals are Program's: the parser registers no handlers of its own
        return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null });
    }

    private const double MaxSeconds = 1e6;
    private const int Usage = 2;
    private const int Failure = 1;

    private sealed record Request(string Path, SteinerMethod Method, double Seconds, int Seed, bool Json);

    private static int Solve(Request request, Stream input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var name = request.Path == "-" ? "stdin" : request.Path;
            var graph = request.Path == "-" ? ReadInput(input) : StpReader.ReadFile(request.Path);
            var solution = SteinerSolver.Solve(graph, new SteinerSolverOptions
            {
                Method = request.Method,
                TimeLimit = TimeSpan.FromSeconds(request.Seconds),
                Seed = request.Seed,
                Cancellation = cancellationToken,
            });

            // the solver checked the tree; check again here so that nothing unchecked is ever written
            var cost = SteinerTreeValidator.Validate(graph, solution.Edges);
            if (request.Json)
            {
                TreeWriter.WriteJson(output, Path.GetFileName(name), graph, solution, cost);
            }
            else
            {
                TreeWriter.WritePace(output, graph, solution.Edges, cost);
            }

            return 0;
        }
        catch (Exception ex) when (ex is QuanetException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {Printable.Escape(OneLine(ex.Message), MaxErrorLength)}");
            return Failure;
        }
    }

    // the parser lists choices on lines of their own: one problem, one line
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static SteinerGraph ReadInput(Stream input)
    {
        using var reader = FormatLimits.Default.OpenText(input, "stdin");
        return StpReader.Read(reader, "stdin");
    }
}
