namespace Quanet.Kme.Control;

/// <summary>The controller's last path answer for one (from, to, count), as <see cref="ControllerClient"/> keeps it.</summary>
internal sealed class CachedPaths
{
    /// <summary>The answer (null when the controller did not answer); a task still running for the first question.</summary>
    public Task<IReadOnlyList<List<string>>?> Answer { get; set; } = Task.FromResult<IReadOnlyList<List<string>>?>(null);

    /// <summary>Timestamp of the answer; 0 marks it stale.</summary>
    public long At { get; set; }

    /// <summary>Whether a fresh answer is being fetched.</summary>
    public bool Refreshing { get; set; }
}
