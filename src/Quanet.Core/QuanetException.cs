namespace Quanet.Core;

/// <summary>
/// A domain failure: the input was well formed but the request cannot be met
/// (an infeasible instance, a region without demand, a budget too small).
/// The CLI reports it as one line on stderr with exit code 1.
/// </summary>
public class QuanetException : Exception
{
    /// <summary>Creates the exception with a message that names what went wrong.</summary>
    public QuanetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public QuanetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
