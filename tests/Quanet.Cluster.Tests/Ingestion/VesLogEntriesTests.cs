using System.Security.Cryptography;
using System.Text;
using Quanet.Cluster.Ingestion;
using Quanet.Cluster.Tests.Support;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;

namespace Quanet.Cluster.Tests.Ingestion;

public sealed class VesLogEntriesTests
{
    private static readonly NetworkInventory Inventory = SyntheticInventory.Create(cellSites: 20, seed: 3);
    private static readonly TopologyRegions Regions = TopologyRegions.FromInventory(Inventory);

    [Fact]
    public void The_message_id_is_the_sha256_of_source_event_id_and_sequence_in_base64url()
    {
        var e = TestEvents.Fault("Zürich/csr+1", 42, sequence: 1234567890123);
        var expected = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("Zürich/csr+1\0e42\01234567890123")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Equal(expected, VesLogEntries.MessageId(e));
    }

    [Fact]
    public void A_long_source_name_gets_its_message_id_too()
    {
        var e = TestEvents.Fault(new string('s', 5000), 1);
        var expected = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(new string('s', 5000) + "\0e1\00")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Equal(expected, VesLogEntries.MessageId(e));
    }

    [Fact]
    public void Entries_keep_the_senders_bytes_and_equal_the_written_entries_in_region_and_identity()
    {
        var events = Inventory.Elements.Where((_, i) => i % 7 == 0).Select((x, i) => TestEvents.Fault(x.Id, i)).ToList();
        var body = Encoding.UTF8.GetBytes(VesEventWriter.ToBatchJson(events));
        var spans = new List<Range>();
        var parsed = VesParser.ParseBody(body, spans);

        var raw = VesLogEntries.From(parsed, Regions, body, spans);
        var written = VesLogEntries.From(parsed, Regions);

        Assert.True(raw.Select(e => e.Region).Distinct().Count() > 1);
        Assert.Equal(written.Select(e => (e.Region, e.MessageId, e.Copy)), raw.Select(e => (e.Region, e.MessageId, e.Copy)));
        var own = raw.Where(e => !e.Copy).ToArray();
        Assert.Equal(parsed.Count, own.Length);
        for (var i = 0; i < own.Length; i++)
        {
            Assert.Equal(body.AsMemory()[spans[i]].ToArray(), own[i].Json.ToArray());
            Assert.Equal(parsed[i].EventId, Assert.Single(VesParser.ParseBody(own[i].Json.Span)).EventId);
        }
    }

    [Fact]
    public void A_hub_elements_event_is_also_logged_to_each_neighbouring_region_as_a_copy_with_its_own_message_id()
    {
        var hub = Inventory.Sites.First(s => s.Role == SiteRole.Aggregation);
        var router = Inventory.ElementsAt(hub.Id)[0];
        var cell = Inventory.Elements.First(e => Inventory.FindSite(e.SiteId)!.Role == SiteRole.Cell);
        var events = new[] { TestEvents.Fault(router.Id, 1), TestEvents.Fault(cell.Id, 2) };

        var entries = VesLogEntries.From(events, Regions);

        var neighbours = Regions.RegionsOf(router.Id);
        Assert.True(neighbours.Count > 1);
        Assert.Equal(neighbours.Count + 1, entries.Length);
        Assert.Equal([.. neighbours, Regions.RegionOf(cell.Id)], entries.Select(e => e.Region));
        Assert.Equal([false, .. Enumerable.Repeat(true, neighbours.Count - 1), false], entries.Select(e => e.Copy));
        var id = VesLogEntries.MessageId(events[0]);
        Assert.Equal([id, .. neighbours.Skip(1).Select(r => id + "." + r)], entries.Take(neighbours.Count).Select(e => e.MessageId));
        Assert.All(entries.Take(neighbours.Count), e => Assert.Equal(entries[0].Json.ToArray(), e.Json.ToArray()));
    }

    [Fact]
    public void An_event_written_over_several_lines_is_logged_in_one_line()
    {
        var e = TestEvents.Fault("x", 1);
        var pretty = System.Text.Json.JsonSerializer.Serialize(
            System.Text.Json.JsonDocument.Parse(VesEventWriter.ToJson(e)).RootElement.GetProperty("event"),
            new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var body = Encoding.UTF8.GetBytes("{\"eventList\":[" + pretty + "]}");
        var spans = new List<Range>();
        var parsed = VesParser.ParseBody(body, spans);

        var entry = Assert.Single(VesLogEntries.From(parsed, Regions, body, spans));

        Assert.Equal(-1, entry.Json.Span.IndexOfAny((byte)'\n', (byte)'\r'));
        Assert.Equal("e1", Assert.Single(VesParser.ParseBody(entry.Json.Span)).EventId);
    }
}
