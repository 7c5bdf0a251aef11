using System.Text;
using Quanet.Operations.Ingestion;

namespace Quanet.Operations.Tests.Ingestion;

public sealed class VesParserTests
{
    private static List<VesEvent> Parse(string json) => VesParser.ParseBody(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Parses_a_fault_event_with_its_header_and_fault_fields()
    {
        var e = Assert.Single(Parse(TestEvents.ValidFault));

        Assert.Equal("fault", e.Domain);
        Assert.Equal("A/csr", e.SourceName);
        Assert.Equal("LINK_DOWN", e.AlarmCondition);
        Assert.Equal("L2", e.AlarmInterface);
        Assert.Equal(VesSeverity.Critical, e.Severity);
        Assert.Equal(1700000000000000, e.StartEpochMicrosec);
    }

    [Theory]
    [InlineData("\"sourceName\":\"A/csr\",", "event.commonEventHeader.sourceName: required field missing")]
    [InlineData("\"priority\":\"High\"", "event.commonEventHeader.priority: 'Urgent' is not one of High, Medium, Normal, Low", "\"priority\":\"Urgent\"")]
    [InlineData("\"vesEventListenerVersion\":\"7.2.1\"", "event.commonEventHeader.vesEventListenerVersion: '5.4' is not one of 7.0, 7.0.1, 7.1, 7.1.1, 7.2, 7.2.1", "\"vesEventListenerVersion\":\"5.4\"")]
    [InlineData("\"eventSeverity\":\"CRITICAL\",", "event.faultFields.eventSeverity: required field missing")]
    [InlineData("\"sequence\":1,", "event.commonEventHeader.sequence: expected an integer", "\"sequence\":\"one\",")]
    public void Rejects_an_invalid_event_naming_the_field(string remove, string expected, string replacement = "")
    {
        var json = TestEvents.ValidFault.Replace(remove, replacement, StringComparison.Ordinal);

        var ex = Assert.Throws<VesValidationException>(() => Parse(json));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Rejects_a_whole_batch_when_one_event_is_invalid_and_names_its_index()
    {
        var good = TestEvents.ValidFault.Trim()[9..^1];
        var bad = good.Replace("\"domain\":\"fault\"", "\"domain\":\"weather\"", StringComparison.Ordinal);

        var ex = Assert.Throws<VesValidationException>(() => Parse($$"""{"eventList":[{{good}},{{bad}}]}"""));

        Assert.StartsWith("eventList[1].commonEventHeader.domain: 'weather' is not one of", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "$: invalid JSON at line 1, byte 2")]
    [InlineData("[1,2]", "$: expected an object with 'event' or 'eventList'")]
    [InlineData("{\"eventList\":[]}", "eventList: expected a non-empty array of events")]
    [InlineData("{\"hello\":1}", "$: expected 'event' or 'eventList'")]
    public void Rejects_malformed_bodies(string body, string expected)
    {
        var ex = Assert.Throws<VesValidationException>(() => Parse(body));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Parses_a_threshold_crossing_alert_and_its_clear()
    {
        var set = TestEvents.Fault("S1/ru1", "x", VesSeverity.Major, 1);
        var tca = new VesEvent
        {
            Domain = "thresholdCrossingAlert",
            EventId = "t1",
            EventName = "TCA_prb",
            SourceName = "S1/ru1",
            ReportingEntityName = "S1/du",
            Priority = "Normal",
            Version = "4.1",
            VesEventListenerVersion = "7.2.1",
            StartEpochMicrosec = 5,
            LastEpochMicrosec = 5,
            AlarmCondition = "TCA:prb_utilisation",
            Severity = VesSeverity.Major,
            AlertAction = "SET",
            SpecificProblem = "PRB high",
            Measurements = [new VesMeasurement("prb_utilisation", "observed", 0.97)],
        };

        var parsed = Assert.Single(Parse(VesEventWriter.ToJson(tca)));
        var cleared = Assert.Single(Parse(VesEventWriter.ToJson(new VesEvent
        {
            Domain = tca.Domain,
            EventId = "t2",
            EventName = tca.EventName,
            SourceName = tca.SourceName,
            ReportingEntityName = "S1/du",
            Priority = "Normal",
            Version = "4.1",
            VesEventListenerVersion = "7.2.1",
            AlarmCondition = tca.AlarmCondition,
            Severity = VesSeverity.Major,
            AlertAction = "CLEAR",
            Measurements = tca.Measurements,
        })));

        Assert.Equal("TCA:prb_utilisation", parsed.AlarmCondition);
        Assert.Equal(0.97, parsed.Measurements[0].Value);
        Assert.False(parsed.IsClear);
        Assert.True(cleared.IsClear);
        Assert.NotNull(set);
    }

    [Theory]
    [InlineData("\"name\":\"S1/ru2\",", "event.measurementFields.additionalMeasurements[1].name: required field missing")]
    [InlineData("\"measurementInterval\":900", "event.measurementFields.measurementInterval: expected a number", "\"measurementInterval\":\"15 min\"")]
    [InlineData("{\"name\":\"S1/ru2\",\"hashMap\":{\"prb\":\"0.25\"}}", "event.measurementFields.additionalMeasurements[1]: expected an object with 'name' and 'hashMap'", "42")]
    public void Rejects_an_invalid_measurement_naming_the_item_and_field(string remove, string expected, string replacement = "")
    {
        var json = VesEventWriter.ToJson(new VesEvent
        {
            Domain = "measurement",
            EventId = "m1",
            EventName = "Measurement_cells",
            SourceName = "S1/du",
            ReportingEntityName = "S1/du",
            Priority = "Normal",
            Version = "4.1",
            VesEventListenerVersion = "7.2.1",
            MeasurementInterval = 900,
            Measurements = [new("S1/ru1", "prb", 0.5), new("S1/ru2", "prb", 0.25)],
        });
        Assert.Contains(remove, json, StringComparison.Ordinal);

        var ex = Assert.Throws<VesValidationException>(() => Parse(json.Replace(remove, replacement, StringComparison.Ordinal)));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Writer_and_parser_round_trip_measurements()
    {
        var m = new VesEvent
        {
            Domain = "measurement",
            EventId = "m1",
            EventName = "Measurement_cells",
            SourceName = "S1/du",
            ReportingEntityName = "S1/du",
            Priority = "Normal",
            Version = "4.1",
            VesEventListenerVersion = "7.2.1",
            MeasurementInterval = 900,
            Measurements = [new("S1/ru1", "prb", 0.5), new("S1/ru1", "rrc_sr", 0.99), new("S1/ru2", "prb", 0.25)],
        };

        var parsed = Assert.Single(Parse(VesEventWriter.ToJson(m)));

        Assert.Equal(m.Measurements, parsed.Measurements);
        Assert.Equal(900, parsed.MeasurementInterval);
    }
}
