using System.Collections.Concurrent;
using Quanet.Kme.Peering;

namespace Quanet.Kme.Tests.Peering;

/// <summary>Group hand-over: requests that arrive together share one KME-to-KME call, and a call's outcome is its requests' outcome.</summary>
public sealed class PeerAnnouncerTests
{
    [Fact]
    public async Task Requests_arriving_while_calls_are_in_flight_leave_together_and_each_key_once()
    {
        var peer = new RecordingPeer();
        await using var announcer = new PeerAnnouncer(peer, "L", TimeSpan.FromSeconds(30));

        var first = announcer.AnnounceAsync([Key()]);
        await peer.FirstCall.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var queued = Enumerable.Range(0, 200).Select(_ => announcer.AnnounceAsync([Key(), Key()])).ToArray();
        peer.Gate.SetResult();
        await Task.WhenAll([first, .. queued]).WaitAsync(TimeSpan.FromSeconds(10));

        var sent = peer.Batches.SelectMany(b => b.Keys).Select(k => k.KeyId).ToArray();
        Assert.Equal(401, sent.Length);
        Assert.Equal(401, sent.Distinct().Count());
        Assert.InRange(peer.Batches.Count, 2, 1 + (2 * PeerAnnouncer.MaxCallsInFlight));
        Assert.Equal(peer.Batches.Count, announcer.Calls);
        Assert.All(peer.Batches, b => Assert.Equal("L", b.Link));
    }

    [Fact]
    public async Task A_failed_call_fails_every_request_it_carried_and_the_next_call_goes_out_afresh()
    {
        var peer = new RecordingPeer { Failing = true };
        peer.Gate.SetResult();
        await using var announcer = new PeerAnnouncer(peer, "L", TimeSpan.FromSeconds(30));

        var failed = Enumerable.Range(0, 20).Select(_ => announcer.AnnounceAsync([Key()])).ToArray();
        var outcomes = await Task.WhenAll(failed.Select(async t => await Record.ExceptionAsync(() => t)));
        peer.Failing = false;
        await announcer.AnnounceAsync([Key()]);

        Assert.All(outcomes, e => Assert.IsType<HttpRequestException>(e));
        Assert.Single(peer.Batches);
    }

    [Fact]
    public async Task A_peer_that_does_not_answer_fails_the_requests_after_the_timeout()
    {
        var peer = new RecordingPeer(); // gate never opens
        await using var announcer = new PeerAnnouncer(peer, "L", TimeSpan.FromMilliseconds(200));

        var error = await Record.ExceptionAsync(() => announcer.AnnounceAsync([Key()]).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    private static PeerKey Key() => new() { KeyId = Guid.NewGuid().ToString("D"), Master = "SAE_A", Slaves = ["SAE_B"], SizeBits = 256, Blocks = [1] };

    private sealed class RecordingPeer : IPeerKme
    {
        public TaskCompletionSource FirstCall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<PeerKeyBatch> Batches { get; } = new();

        public volatile bool Failing;

        public string KmeId => "KME_B";

        public async Task PushKeysAsync(PeerKeyBatch batch, CancellationToken cancellationToken)
        {
            FirstCall.TrySetResult();
            await Gate.Task.WaitAsync(cancellationToken);
            if (Failing)
            {
                throw new HttpRequestException("peer refused");
            }

            Batches.Enqueue(batch);
        }

        public Task PushPoolAsync(PoolBatch batch, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<HandshakeReply> HandshakeAsync(HandshakeInit init, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ConfirmAsync(PoolBatch range, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
