namespace Quanet.Defence.Rules;

/// <summary>How bad a detection is.</summary>
public enum Severity
{
    /// <summary>Worth recording.</summary>
    Info,

    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,

    /// <summary>Critical: an attack in progress.</summary>
    Critical,
}
