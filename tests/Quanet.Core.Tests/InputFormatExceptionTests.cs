namespace Quanet.Core.Tests;

public sealed class InputFormatExceptionTests
{
    [Fact]
    public void Message_reads_file_colon_line_colon_reason()
    {
        var e = new InputFormatException("g.txt", 3, "expected 3 numbers");

        Assert.Equal("g.txt:3: expected 3 numbers", e.Message);
        Assert.Equal(("g.txt", 3, "expected 3 numbers"), (e.FileName, e.Line, e.Reason));
    }

    [Fact]
    public void Message_without_a_line_names_only_the_file()
    {
        var e = new InputFormatException("g.txt", 0, "empty file");

        Assert.Equal("g.txt: empty file", e.Message);
        Assert.IsAssignableFrom<QuanetException>(e);
    }

    [Fact]
    public void Message_escapes_control_characters_from_the_input()
    {
        var e = new InputFormatException("e\u001b.txt", 2, "bad weight '\u001b[2J'");

        Assert.Equal("e\\x1B.txt:2: bad weight '\\x1B[2J'", e.Message);
    }
}
