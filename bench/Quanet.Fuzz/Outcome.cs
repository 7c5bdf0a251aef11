using Quanet.Core;

namespace Quanet.Fuzz;

/// <summary>What counts as a correct refusal: a Quanet input or request error whose message is one printable line.</summary>
internal static class Outcome
{
    /// <summary>
    /// Runs <paramref name="target"/> on <paramref name="input"/>. Returns null when the input was accepted, the message
    /// when it was refused properly; throws (a finding) for any other exception or for a message that is not one
    /// printable line, since the CLI prints it as is.
    /// </summary>
    public static string? Run(FuzzTarget target, byte[] input)
    {
        try
        {
            target.Run(input);
            return null;
        }
        catch (QuanetException ex)
        {
            foreach (var c in ex.Message)
            {
                if (char.IsControl(c))
                {
                    throw new InvalidOperationException($"refusal message has control character U+{(int)c:X4}: {ex.Message}", ex);
                }
            }

            return ex.Message;
        }
    }
}
