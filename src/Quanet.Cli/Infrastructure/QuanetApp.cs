using System.CommandLine;
using Quanet.Cli.Commands;
using Quanet.Core.Text;

namespace Quanet.Cli.Infrastructure;

/// <summary>Builds the <c>quanet</c> command tree and runs it.</summary>
internal static class QuanetApp
{
    /// <summary>Builds the root command with every area's commands.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Quanet: plan, secure and operate mobile networks with quantum and classical methods");
        root.Options.Add(CommonOptions.Verbose);
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    // as long as CommandRunner allows: a parse error quotes one token
    private const int MaxErrorLength = 2000;

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = BuildRoot();
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // one line per problem, every problem at once; no trailing hint line, so that one bad option is one error line
            // an unknown command also leaves its parent without a subcommand: the unknown token is the one problem to name
            var unknown = parseResult.UnmatchedTokens.Count > 0;
            foreach (var parseError in parseResult.Errors)
            {
                if (unknown && parseError.Message.StartsWith("Required command was not provided", StringComparison.Ordinal))
                {
                    continue;
                }

                error.WriteLine($"error: {Printable.Escape(parseError.Message, MaxErrorLength)}");
            }

            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception ex)
        {
            return CommandRunner.Report(ex, error, parseResult.GetValue(CommonOptions.Verbose));
        }
    }
}
