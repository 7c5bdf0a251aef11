using Quanet.Cli.Infrastructure;

namespace Quanet.Cli.Tests;

/// <summary>Runs the <c>quanet</c> command in-process and captures its streams.</summary>
internal static class CliHarness
{
    public static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await QuanetApp.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
