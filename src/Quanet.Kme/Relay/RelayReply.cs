namespace Quanet.Kme.Relay;

/// <summary>Answer to a <see cref="RelayBatch"/>: one result per relay, in the batch's order.</summary>
internal sealed class RelayReply
{
    public List<RelayResult> Results { get; set; } = [];
}
