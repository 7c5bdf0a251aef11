namespace Quanet.Operations.Ingestion;

/// <summary>VES <c>eventSeverity</c> (CommonEventFormat 7.x); <see cref="Normal"/> clears an alarm.</summary>
public enum VesSeverity
{
    /// <summary>NORMAL: the condition has cleared (3GPP perceivedSeverity CLEARED).</summary>
    Normal,

    /// <summary>WARNING.</summary>
    Warning,

    /// <summary>MINOR.</summary>
    Minor,

    /// <summary>MAJOR.</summary>
    Major,

    /// <summary>CRITICAL.</summary>
    Critical,
}
