using Quanet.Operations.Correlation;
using Quanet.Operations.Ingestion;

namespace Quanet.Operations.Tests.Correlation;

/// <summary>The admission check in front of correlation: the clock-skew window around the watermark, and repeats.</summary>
public sealed class EventQuarantineTests
{
    private const long Hour = 3_600_000_000;
    private const long T0 = 1_767_571_200_000_000; // 2026-01-05 00:00 UTC

    [Fact]
    public void Quarantines_events_beyond_the_skew_on_either_side_of_the_watermark_and_counts_them_by_reason()
    {
        var quarantine = new EventQuarantine(TimeSpan.FromHours(24));
        var early = Fault("A/csr", T0);
        var future = Fault("A/csr", 90_000_000_000_000_000); // the year 4822
        var past = Fault("B/csr", T0 - (25 * Hour));
        var late = Fault("C/csr", T0 + (23 * Hour));
        var stale = Fault("C/csr", T0 - Hour);

        var admitted = quarantine.Admit([early, future, past, late, stale]);

        Assert.Equal([early, late, stale], admitted);
        Assert.Equal(2, quarantine.Counts.Total);
        Assert.Equal(1, quarantine.Counts.Reasons[EventQuarantine.AheadOfStream]);
        Assert.Equal(1, quarantine.Counts.Reasons[EventQuarantine.BehindStream]);
    }

    [Fact]
    public void The_watermark_moves_with_admitted_events_only()
    {
        var quarantine = new EventQuarantine(TimeSpan.FromHours(1));
        quarantine.Admit([Fault("A/csr", T0)]);
        quarantine.Admit([Fault("A/csr", T0 + (5 * Hour))]);

        var next = quarantine.Admit([Fault("A/csr", T0 + (30 * 60_000_000L)), Fault("A/csr", T0 + (90 * 60_000_000L))]);

        Assert.Equal(2, next.Count);
        Assert.Equal(1, quarantine.Counts.Total);
    }

    [Fact]
    public void A_hostile_first_event_does_not_become_the_reference_of_the_first_batch()
    {
        var quarantine = new EventQuarantine(TimeSpan.FromHours(24));
        var hostile = Fault("A/csr", 90_000_000_000_000_000);
        var storm = Enumerable.Range(0, 4).Select(i => Fault("A/csr", T0 + (i * 60_000_000L))).ToList();

        var admitted = quarantine.Admit([hostile, .. storm]);

        Assert.Equal(storm, admitted);
        Assert.Equal(1, quarantine.Counts.Reasons[EventQuarantine.AheadOfStream]);
    }

    [Fact]
    public void Refuses_a_repeat_of_an_admitted_event_but_not_the_next_sequence_number_of_its_id()
    {
        var quarantine = new EventQuarantine(TimeSpan.FromHours(24));
        var first = Fault("A/csr", T0);
        var repeat = Copy(first, first.Sequence);
        var next = Copy(first, first.Sequence + 1);

        var admitted = quarantine.Admit([first]).Concat(quarantine.Admit([repeat, next])).ToList();

        Assert.Equal([first, next], admitted);
        Assert.Equal(1, quarantine.Counts.Reasons[EventQuarantine.DuplicateEvent]);
    }

    [Fact]
    public void Extreme_timestamps_do_not_overflow_the_window()
    {
        var quarantine = new EventQuarantine(TimeSpan.FromHours(24));
        quarantine.Admit([Fault("A/csr", T0)]);

        var admitted = quarantine.Admit([Fault("A/csr", long.MaxValue), Fault("A/csr", long.MinValue), Fault("A/csr", T0 + 1)]);

        Assert.Single(admitted);
        Assert.Equal(2, quarantine.Counts.Total);
    }

    [Fact]
    public void A_long_standing_alarm_may_carry_its_first_raise_time()
    {
        var quarantine = new EventQuarantine(TimeSpan.FromHours(24));
        quarantine.Admit([Fault("A/csr", T0)]);
        var repeat = Fault("B/csr", T0 + Hour);
        var longStanding = new VesEvent
        {
            Domain = repeat.Domain,
            EventId = repeat.EventId,
            EventName = repeat.EventName,
            SourceName = repeat.SourceName,
            ReportingEntityName = repeat.ReportingEntityName,
            Priority = repeat.Priority,
            Version = repeat.Version,
            VesEventListenerVersion = repeat.VesEventListenerVersion,
            AlarmCondition = repeat.AlarmCondition,
            Severity = repeat.Severity,
            StartEpochMicrosec = T0 - (72 * Hour),
            LastEpochMicrosec = T0 + Hour,
        };

        Assert.Single(quarantine.Admit([longStanding]));
    }

    [Fact]
    public void The_correlator_refuses_a_clock_skew_that_is_not_positive()
    {
        var graph = new Quanet.Operations.Inventory.DependencyGraph(TestTopologies.Chain());

        Assert.Throws<ArgumentOutOfRangeException>(() => new AlarmCorrelator(graph, new CorrelatorOptions { ClockSkew = TimeSpan.Zero }));
    }

    private static VesEvent Fault(string source, long micros) =>
        TestEvents.Fault(source, AlarmConditions.LinkDown, VesSeverity.Major, micros);

    private static VesEvent Copy(VesEvent e, long sequence) => new()
    {
        Domain = e.Domain,
        EventId = e.EventId,
        EventName = e.EventName,
        SourceName = e.SourceName,
        ReportingEntityName = e.ReportingEntityName,
        Priority = e.Priority,
        Sequence = sequence,
        Version = e.Version,
        VesEventListenerVersion = e.VesEventListenerVersion,
        AlarmCondition = e.AlarmCondition,
        Severity = e.Severity,
        StartEpochMicrosec = e.StartEpochMicrosec,
        LastEpochMicrosec = e.LastEpochMicrosec,
    };
}
