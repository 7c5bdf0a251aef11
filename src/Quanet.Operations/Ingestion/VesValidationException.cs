using Quanet.Core;

namespace Quanet.Operations.Ingestion;

/// <summary>A VES request body that is not a valid CommonEventFormat 7.x event or batch; the message names the field.</summary>
public sealed class VesValidationException : QuanetException
{
    /// <summary>Creates the exception for the field at <paramref name="path"/>.</summary>
    public VesValidationException(string path, string reason)
        : base($"{path}: {reason}")
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>JSON path of the offending field, e.g. <c>event.commonEventHeader.sourceName</c>.</summary>
    public string Path { get; }

    /// <summary>What was expected.</summary>
    public string Reason { get; }
}
