using Quanet.Core.Text;

namespace Quanet.Core.Tests.Text;

public sealed class PrintableTests
{
    [Fact]
    public void Escapes_the_escape_character_so_the_screen_is_not_cleared()
    {
        Assert.Equal("\\x1B[2J", Printable.Escape("\u001b[2J"));
    }

    [Theory]
    [InlineData("a\nb", "a\\x0Ab")]
    [InlineData("a\rb", "a\\x0Db")]
    [InlineData("\0", "\\x00")]
    [InlineData("\u007f", "\\x7F")]
    [InlineData("\u009b31m", "\\x9B31m")]
    [InlineData("x\u2028y", "x\\u2028y")]
    [InlineData("\u202Eevil", "\\u202Eevil")]
    public void Escapes_c0_c1_del_line_separators_and_bidi_controls(string input, string expected)
    {
        Assert.Equal(expected, Printable.Escape(input));
    }

    [Fact]
    public void Escapes_lone_surrogates_but_keeps_pairs()
    {
        Assert.Equal("\\uD800x", Printable.Escape("\uD800x"));
        Assert.Equal("x\\uDC00", Printable.Escape("x\uDC00"));
        Assert.Equal("\U0001F600", Printable.Escape("\U0001F600"));
    }

    [Fact]
    public void Returns_clean_text_unchanged()
    {
        const string text = "G14.txt: vertex 'Zürich' \\ ok";
        Assert.Same(text, Printable.Escape(text));
    }

    [Fact]
    public void Cuts_long_text_after_the_limit_with_an_ellipsis()
    {
        var text = new string('a', 100);
        Assert.Equal(new string('a', 40) + "...", Printable.Escape(text));
        Assert.Equal("aaaaa...", Printable.Escape(text, 5));
    }

    [Fact]
    public void Does_not_split_a_surrogate_pair_when_cutting()
    {
        Assert.Equal("ab...", Printable.Escape("ab\U0001F600cd", 3));
    }

    [Fact]
    public void Null_and_empty_give_empty()
    {
        Assert.Equal(string.Empty, Printable.Escape(null));
        Assert.Equal(string.Empty, Printable.Escape(string.Empty));
    }

    [Fact]
    public void Output_never_holds_a_control_character()
    {
        var all = new char[0x3000];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = (char)i;
        }

        var escaped = Printable.Escape(new string(all), all.Length);
        foreach (var c in escaped)
        {
            Assert.False(char.IsControl(c), $"U+{(int)c:X4} left unescaped");
        }

        Assert.True(Printable.IsClean(escaped));
    }
}
