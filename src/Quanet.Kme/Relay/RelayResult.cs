namespace Quanet.Kme.Relay;

/// <summary>The outcome of one relay of a <see cref="RelayBatch"/>: stored at the last KME, or the reason it was not.</summary>
internal sealed class RelayResult
{
    public string RelayId { get; set; } = "";

    /// <summary>Empty when the keys are stored at the slave's KME; otherwise why not.</summary>
    public string Error { get; set; } = "";

    /// <summary>The link on which the relay failed (e.g. the next KME did not answer), for rerouting; empty if none.</summary>
    public string FailedLink { get; set; } = "";

    public static RelayResult Ok(string relayId) => new() { RelayId = relayId };

    public static RelayResult Failed(string relayId, string error, string failedLink) => new() { RelayId = relayId, Error = error, FailedLink = failedLink };
}
