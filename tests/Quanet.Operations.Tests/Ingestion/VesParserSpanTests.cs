using System.Text;
using Quanet.Operations.Ingestion;

namespace Quanet.Operations.Tests.Ingestion;

public sealed class VesParserSpanTests
{
    private static readonly string Event = ValidEventObject();

    [Fact]
    public void Each_event_of_a_batch_gets_the_range_of_its_own_object()
    {
        var second = Event.Replace("\"eventId\":\"", "\"eventId\":\"second-", StringComparison.Ordinal);
        var body = Encoding.UTF8.GetBytes("{ \"eventList\" : [ " + Event + " ,\n" + second + " ] }");
        var spans = new List<Range>();

        var events = VesParser.ParseBody(body, spans);

        Assert.Equal(2, spans.Count);
        Assert.Equal(Event, Encoding.UTF8.GetString(body.AsSpan()[spans[0]]));
        Assert.Equal(second, Encoding.UTF8.GetString(body.AsSpan()[spans[1]]));
        for (var i = 0; i < 2; i++)
        {
            var again = Assert.Single(VesParser.ParseBody(body.AsSpan()[spans[i]]));
            Assert.Equal(events[i].EventId, again.EventId);
            Assert.Equal(events[i].SourceName, again.SourceName);
        }
    }

    [Fact]
    public void A_single_event_and_a_bare_event_get_their_object()
    {
        var single = Encoding.UTF8.GetBytes("{\"event\":" + Event + "}");
        var bare = Encoding.UTF8.GetBytes(Event);
        var spans = new List<Range>();

        VesParser.ParseBody(single, spans);
        VesParser.ParseBody(bare, spans);

        Assert.Equal(Event, Encoding.UTF8.GetString(single.AsSpan()[spans[0]]));
        Assert.Equal(Event, Encoding.UTF8.GetString(bare.AsSpan()[spans[1]]));
    }

    [Fact]
    public void The_overload_without_ranges_parses_the_same_events()
    {
        var body = Encoding.UTF8.GetBytes("{\"eventList\":[" + Event + "," + Event + "]}");

        var with = VesParser.ParseBody(body, []);
        var without = VesParser.ParseBody(body);

        Assert.Equal(without.Select(e => e.EventId), with.Select(e => e.EventId));
    }

    private static string ValidEventObject()
    {
        // TestEvents.ValidFault is {"event":{...}}: its inner object
        var json = TestEvents.ValidFault.Trim();
        var start = json.IndexOf('{', 1);
        return json[start..json.LastIndexOf('}')].Trim();
    }
}
