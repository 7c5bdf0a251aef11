using Quanet.Core;

namespace Quanet.Operations.Action;

/// <summary>A network element refused or could not execute a request.</summary>
public sealed class DeviceException : QuanetException
{
    /// <summary>Creates the exception for <paramref name="elementId"/>.</summary>
    public DeviceException(string elementId, string reason)
        : base($"{elementId}: {reason}")
    {
        ElementId = elementId;
    }

    /// <summary>The element.</summary>
    public string ElementId { get; }
}
