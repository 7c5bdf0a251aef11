using Quanet.Core.Text;

namespace Quanet.Core;

/// <summary>
/// A malformed input file. The message always names the file, the 1-based line
/// (0 when the problem is not tied to a line) and what was expected, as
/// <c>FILE:LINE: reason</c>. The message is safe to print: control characters in the file name
/// or the reason are escaped (<see cref="Printable"/>), whatever the reader quoted from the input.
/// </summary>
public sealed class InputFormatException : QuanetException
{
    // a reason is one line; this only stops a reader that quoted a whole file from flooding the terminal
    private const int MaxEchoLength = 1000;

    /// <summary>Creates the exception for <paramref name="fileName"/> at <paramref name="line"/>.</summary>
    /// <param name="fileName">The file name as the user gave it.</param>
    /// <param name="line">1-based line number, or 0 when not tied to a line.</param>
    /// <param name="reason">What was expected and what was found.</param>
    public InputFormatException(string fileName, int line, string reason)
        : base(line > 0
            ? $"{Printable.Escape(fileName, MaxEchoLength)}:{line}: {Printable.Escape(reason, MaxEchoLength)}"
            : $"{Printable.Escape(fileName, MaxEchoLength)}: {Printable.Escape(reason, MaxEchoLength)}")
    {
        FileName = fileName;
        Line = line;
        Reason = reason;
    }

    /// <summary>The file that is malformed.</summary>
    public string FileName { get; }

    /// <summary>1-based line of the problem, or 0 when it is not tied to a line.</summary>
    public int Line { get; }

    /// <summary>What was expected and what was found.</summary>
    public string Reason { get; }
}
