using Quanet.Core;
using Quanet.Core.Text;

namespace Quanet.Operations.Ingestion;

/// <summary>A VES request body that is not a valid CommonEventFormat 7.x event or batch; the message names the field.</summary>
public sealed class VesValidationException : QuanetException
{
    // bounds what a hostile body can put into one log or error line
    private const int MaxEchoLength = 1000;

    /// <summary>Creates the exception for the field at <paramref name="path"/>; control characters from the body are escaped in the message.</summary>
    public VesValidationException(string path, string reason)
        : base($"{Printable.Escape(path, MaxEchoLength)}: {Printable.Escape(reason, MaxEchoLength)}")
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>JSON path of the offending field, e.g. <c>event.commonEventHeader.sourceName</c>.</summary>
    public string Path { get; }

    /// <summary>What was expected.</summary>
    public string Reason { get; }
}
