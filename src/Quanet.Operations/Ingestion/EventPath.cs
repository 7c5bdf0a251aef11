namespace Quanet.Operations.Ingestion;

/// <summary>
/// Where an event sits in a request body (<c>event</c> or <c>eventList[i]</c>); the path text is built
/// only when a validation error needs it, so valid events cost no string formatting.
/// </summary>
/// <param name="Index">Position in <c>eventList</c>, or -1 for a single event.</param>
internal readonly record struct EventPath(int Index)
{
    /// <summary>The path of the event itself.</summary>
    public override string ToString() => Index < 0 ? "event" : $"eventList[{Index}]";

    /// <summary>The path of a member below the event, e.g. <c>.commonEventHeader.domain</c>.</summary>
    public string At(string suffix) => ToString() + suffix;

    /// <summary>A validation error at <paramref name="suffix"/> below the event.</summary>
    public VesValidationException Error(string suffix, string reason) => new(At(suffix), reason);
}
