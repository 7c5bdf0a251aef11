namespace Quanet.Operations.Ingestion;

/// <summary>What happened to an alarm.</summary>
public enum AlarmChangeKind
{
    /// <summary>A new alarm was raised.</summary>
    Raised,

    /// <summary>A repeat of an active alarm (deduplicated).</summary>
    Updated,

    /// <summary>The alarm was cleared (by the network or an operator).</summary>
    Cleared,

    /// <summary>An operator acknowledged the alarm.</summary>
    Acknowledged,
}
