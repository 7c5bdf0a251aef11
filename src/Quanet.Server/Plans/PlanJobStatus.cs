namespace Quanet.Server.Plans;

/// <summary>The states of a plan job, as the API and the store spell them.</summary>
internal static class PlanJobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>Whether a job in <paramref name="status"/> has ended.</summary>
    public static bool IsTerminal(string status) => status is Succeeded or Failed or Cancelled;
}
