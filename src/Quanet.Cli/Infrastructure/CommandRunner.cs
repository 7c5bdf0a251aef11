using System.CommandLine;
using Quanet.Core;
using Quanet.Core.Text;

namespace Quanet.Cli.Infrastructure;

/// <summary>
/// Wraps every command body: turns exceptions into one line on stderr and an exit code
/// (0 ok, 1 domain failure, 2 usage, 130 cancelled); the stack trace only with <c>--verbose</c>.
/// </summary>
internal static class CommandRunner
{
    /// <summary>Sets <paramref name="body"/> as the action of <paramref name="command"/>.</summary>
    public static void SetBody(Command command, Func<CommandContext, CancellationToken, Task<int>> body)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var context = new CommandContext(parseResult, output, error);
            try
            {
                return await body(context, cancellationToken);
            }
            catch (Exception ex)
            {
                return Report(ex, error, parseResult.GetValue(CommonOptions.Verbose));
            }
        });
    }

    /// <summary>Sets a synchronous <paramref name="body"/> as the action of <paramref name="command"/>.</summary>
    public static void SetBody(Command command, Func<CommandContext, CancellationToken, int> body) =>
        SetBody(command, (context, ct) => Task.FromResult(body(context, ct)));

    /// <summary>Maps an exception to its exit code and writes the one error line.</summary>
    public static int Report(Exception ex, TextWriter error, bool verbose)
    {
        var (code, message) = ex switch
        {
            OperationCanceledException => (ExitCodes.Cancelled, "cancelled"),
            UsageException => (ExitCodes.Usage, ex.Message),
            ArgumentException => (ExitCodes.Usage, ex.Message),
            QuanetException => (ExitCodes.DomainFailure, ex.Message),
            FileNotFoundException fnf => (ExitCodes.DomainFailure, $"file not found: {fnf.FileName ?? fnf.Message}"),
            DirectoryNotFoundException => (ExitCodes.DomainFailure, PathProblem(ex.Message, "folder not found")),
            UnauthorizedAccessException => (ExitCodes.DomainFailure, PathProblem(ex.Message, "permission denied")),
            IOException => (ExitCodes.DomainFailure, ex.Message),
            FormatException => (ExitCodes.DomainFailure, ex.Message),
            InvalidDataException => (ExitCodes.DomainFailure, ex.Message),
            _ => (ExitCodes.DomainFailure, $"internal error: {ex.GetType().Name}: {ex.Message}"),
        };
        // the last line of defence against terminal injection: whatever a message quotes is escaped once more
        error.WriteLine($"error: {Printable.Escape(OneLine(message), MaxErrorLength)}");
        if (verbose)
        {
            foreach (var line in ex.ToString().ReplaceLineEndings("\n").Split('\n'))
            {
                error.WriteLine(Printable.Escape(line, int.MaxValue));
            }
        }

        return code;
    }

    // long enough for any honest message; a message quoting a whole file is cut
    private const int MaxErrorLength = 2000;

    // .NET says "Could not find a part of the path '/x/y'." and "Access to the path '/x/y' is denied.": say the path and the problem
    private static string PathProblem(string message, string problem)
    {
        var first = message.IndexOf('\'');
        var last = message.LastIndexOf('\'');
        return last > first + 1 ? $"{message[(first + 1)..last]}: {problem}" : message;
    }

    private static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Trim();
}
