using System.Globalization;
using System.Text.Json;
using Quanet.Cli.Infrastructure;
using Quanet.Core;
using Quanet.Core.Text;
using Quanet.Optimization.Steiner;
using Spectre.Console;

namespace Quanet.Cli.Commands.Steiner;

/// <summary>
/// Batch mode of <c>quanet steiner</c> (several files, or folders of <c>.stp</c> / <c>.gr</c> files): every instance is
/// solved in turn in this one process, each with the full time limit, so that the start-up of .NET is paid once. With
/// <c>--json</c> each instance gives one line, the compact form of the single-instance document; otherwise a table.
/// An instance that fails gives one error line naming its file and the others still run; the exit code is then 1.
/// </summary>
internal static class SteinerBatch
{
    private static readonly string[] Extensions = [".stp", ".gr"];

    private static readonly JsonSerializerOptions JsonLine = new(CommandContext.SerializerOptions) { WriteIndented = false };

    /// <summary>Whether the paths ask for batch mode: more than one path, or a folder.</summary>
    public static bool IsBatch(IReadOnlyList<string> paths) => paths.Count > 1 || (paths.Count == 1 && Directory.Exists(paths[0]));

    /// <summary>The instance files: files as given, folders as their .stp and .gr files in ordinal order of name.</summary>
    /// <exception cref="UsageException">A folder holds no instance.</exception>
    public static List<string> Expand(IReadOnlyList<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (!Directory.Exists(path))
            {
                files.Add(path);
                continue;
            }

            var found = Directory.EnumerateFiles(path)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (found.Count == 0)
            {
                throw new UsageException($"{Printable.Escape(path, 500)}: no .stp or .gr instance in this folder");
            }

            files.AddRange(found);
        }

        return files;
    }

    /// <summary>Solves every file with the options <paramref name="options"/> makes; returns the exit code.</summary>
    public static int Run(CommandContext ctx, IReadOnlyList<string> files, bool json, Func<SteinerSolverOptions> options, CancellationToken ct)
    {
        var table = new Table().AddColumns("instance", "cost", "lower bound", "optimal", "time (s)");
        var failed = 0;
        foreach (var file in files)
        {
            ct.ThrowIfCancellationRequested();
            SteinerReport report;
            try
            {
                var graph = StpReader.ReadFile(file);
                var solution = SteinerSolver.Solve(graph, options());
                var cost = SteinerTreeValidator.Validate(graph, [.. solution.Edges]);
                report = SteinerReport.From(Path.GetFileName(file), graph, solution, cost);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // InputFormatException already begins with the file; other messages get it in front.
                var reason = ex is QuanetException or IOException or UnauthorizedAccessException or FormatException or InvalidDataException or ArgumentException
                    ? ex.Message
                    : $"internal error: {ex.GetType().Name}: {ex.Message}";
                var message = reason.StartsWith(file, StringComparison.Ordinal) ? reason : $"{file}: {reason}";
                ctx.Error.WriteLine($"error: {Printable.Escape(message.ReplaceLineEndings(" "), 2000)}");
                failed++;
                continue;
            }

            if (json)
            {
                ctx.Output.WriteLine(JsonSerializer.Serialize(report, JsonLine));
            }
            else
            {
                table.AddRow(
                    Markup.Escape(report.Instance),
                    report.Cost.ToString(CultureInfo.InvariantCulture),
                    report.LowerBound.ToString(CultureInfo.InvariantCulture),
                    report.Optimal ? "yes" : $"no ({report.GapPercent:0.###} %)",
                    report.Seconds.ToString("0.00", CultureInfo.InvariantCulture));
            }

            if (report.Interrupted)
            {
                break;
            }
        }

        if (!json)
        {
            ctx.Console.Write(table);
        }

        return ct.IsCancellationRequested ? ExitCodes.Cancelled : failed > 0 ? ExitCodes.DomainFailure : ExitCodes.Success;
    }
}
