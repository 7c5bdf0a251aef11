namespace Quanet.Core;

/// <summary>
/// A malformed input file. The message always names the file, the 1-based line
/// (0 when the problem is not tied to a line) and what was expected, as
/// <c>FILE:LINE: reason</c>.
/// </summary>
public sealed class InputFormatException : QuanetException
{
    /// <summary>Creates the exception for <paramref name="fileName"/> at <paramref name="line"/>.</summary>
    /// <param name="fileName">The file name as the user gave it.</param>
    /// <param name="line">1-based line number, or 0 when not tied to a line.</param>
    /// <param name="reason">What was expected and what was found.</param>
    public InputFormatException(string fileName, int line, string reason)
        : base(line > 0 ? $"{fileName}:{line}: {reason}" : $"{fileName}: {reason}")
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
