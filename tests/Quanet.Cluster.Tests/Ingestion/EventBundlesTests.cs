using System.IO.Compression;
using NATS.Client.Core;
using Quanet.Cluster.Ingestion;
using Quanet.Cluster.Tests.Support;

namespace Quanet.Cluster.Tests.Ingestion;

public sealed class EventBundlesTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_region_bundle_unpacks_to_its_events_in_order_compressed_or_not(bool compress)
    {
        var events = TestEvents.Entries("r1", 0, 40).Concat(TestEvents.Entries("r2", 100, 3)).ToArray();

        var bundles = EventBundles.Pack(events, 16, compress);

        // r1: 16 + 16 + 8, r2: 3
        Assert.Equal([16, 16, 8, 3], bundles.Select(b => b.Count));
        Assert.All(bundles, b => Assert.Equal(compress, b.Compressed));
        var unpacked = new List<LoggedEvent>();
        var sequence = 0UL;
        foreach (var b in bundles)
        {
            EventBundles.Unpack(++sequence, b.Entry.Region, b.Entry.Json.ToArray(), Headers(b), unpacked);
        }

        Assert.Equal(events.Select(e => e.Json.ToArray()), unpacked.Select(e => e.Json.ToArray()));
        Assert.Equal(unpacked.Count, unpacked.Select(e => e.Position).Distinct().Count());
        Assert.Equal([.. Enumerable.Range(0, 16), .. Enumerable.Range(0, 16), .. Enumerable.Range(0, 8), .. Enumerable.Range(0, 3)], unpacked.Select(e => e.Index));
        Assert.Equal(events.Select(e => e.Region), unpacked.Select(e => e.Region));
    }

    [Fact]
    public void Compression_shrinks_a_bundle_and_keeps_its_message_id()
    {
        var events = TestEvents.Entries("r1", 0, 100);

        var plain = Assert.Single(EventBundles.Pack(events, 100, compress: false));
        var packed = Assert.Single(EventBundles.Pack(events, 100, compress: true));

        Assert.Equal(plain.Entry.MessageId, packed.Entry.MessageId);
        Assert.True(packed.Entry.Json.Length * 4 < plain.Entry.Json.Length, $"{packed.Entry.Json.Length} bytes compressed of {plain.Entry.Json.Length}");
    }

    [Fact]
    public void A_single_event_is_never_compressed()
    {
        var bundle = Assert.Single(EventBundles.Pack(TestEvents.Entries("r1", 0, 1), 100, compress: true));

        Assert.False(bundle.Compressed);
        Assert.Equal(1, bundle.Count);
    }

    [Fact]
    public void A_damaged_bundle_becomes_one_unreadable_event_instead_of_stopping_the_region()
    {
        var bundle = Assert.Single(EventBundles.Pack(TestEvents.Entries("r1", 0, 10), 10, compress: true));
        var damaged = bundle.Entry.Json.ToArray();
        Array.Fill(damaged, (byte)0xA5, 2, damaged.Length - 2);
        var unpacked = new List<LoggedEvent>();

        EventBundles.Unpack(9, "r1", damaged, Headers(bundle), unpacked);

        var e = Assert.Single(unpacked);
        Assert.Equal(9UL, e.StreamSequence);
        Assert.True(e.Json.IsEmpty);
    }

    [Fact]
    public void A_bundle_that_expands_beyond_a_request_body_is_not_inflated()
    {
        // 64 MB of spaces compress to a few kilobytes
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 64; i++)
            {
                zlib.Write(spaces);
            }
        }

        var headers = new NatsHeaders { [EventBundles.CountHeader] = "2", [EventBundles.EncodingHeader] = EventBundles.Zlib };
        var unpacked = new List<LoggedEvent>();

        EventBundles.Unpack(3, "r1", output.ToArray(), headers, unpacked);

        Assert.True(Assert.Single(unpacked).Json.IsEmpty);
    }

    [Fact]
    public void An_unknown_encoding_becomes_one_unreadable_event()
    {
        var headers = new NatsHeaders { [EventBundles.CountHeader] = "2", [EventBundles.EncodingHeader] = "lz4" };
        var unpacked = new List<LoggedEvent>();

        EventBundles.Unpack(4, "r1", [1, 2, 3], headers, unpacked);

        Assert.True(Assert.Single(unpacked).Json.IsEmpty);
    }

    private static NatsHeaders Headers(EventBundle bundle)
    {
        var headers = new NatsHeaders();
        if (bundle.Count > 1)
        {
            headers[EventBundles.CountHeader] = bundle.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (bundle.Compressed)
        {
            headers[EventBundles.EncodingHeader] = EventBundles.Zlib;
        }

        return headers;
    }
}
