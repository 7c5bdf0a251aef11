namespace Quanet.Operations.Action;

/// <summary>The change a runbook makes.</summary>
public sealed class RunbookChange
{
    /// <summary><c>set</c> (parameters), <c>restart</c>, <c>restore_last_known_good</c> or <c>none</c>.</summary>
    public string Action { get; set; } = "none";

    /// <summary>Parameters for <c>set</c>.</summary>
    public Dictionary<string, double> Parameters { get; set; } = [];
}
