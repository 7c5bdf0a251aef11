using Quanet.Core;

namespace Quanet.Security.Pqc;

/// <summary>A key, ciphertext or share that is not a valid encoding for its parameter set.</summary>
public sealed class PqcKeyException : QuanetException
{
    /// <summary>Creates the exception with a message that names the value and what was expected.</summary>
    public PqcKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the library exception that caused it.</summary>
    public PqcKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
