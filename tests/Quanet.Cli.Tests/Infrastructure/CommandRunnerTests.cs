using Quanet.Cli.Infrastructure;
using Quanet.Core;

namespace Quanet.Cli.Tests.Infrastructure;

public sealed class CommandRunnerTests
{
    [Fact]
    public void Error_line_escapes_control_characters_a_message_carries()
    {
        using var error = new StringWriter();

        var code = CommandRunner.Report(new QuanetException("bad value \u001b[2J\u009b31m"), error, verbose: false);

        Assert.Equal(1, code);
        Assert.Equal("error: bad value \\x1B[2J\\x9B31m" + Environment.NewLine, error.ToString());
    }
}
