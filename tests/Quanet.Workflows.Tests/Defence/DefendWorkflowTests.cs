using Quanet.Core;
using Quanet.Defence.Response;
using Quanet.Defence.Telemetry;
using Quanet.Workflows.Defence;

namespace Quanet.Workflows.Tests.Defence;

public sealed class DefendWorkflowTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-defend-workflow-").FullName;

    [Fact]
    public void Isolates_an_intrusion_from_the_wireline_partner()
    {
        var aaa = Path.Combine(_dir, "aaa.log");
        File.WriteAllLines(aaa,
        [
            "2026-01-01T10:00:00Z pe1 user=alice src=198.18.1.20 cmd=\"show running-config\"",
            "not a log line at all",
            "2026-01-01T10:01:00Z pe1 user=svc src=203.0.113.66 cmd=\"show running-config\"",
        ]);

        var result = DefendWorkflow.Run(new DefendRequest { Telemetry = [new TelemetryInput(TelemetryKind.Aaa, aaa)] });

        var incident = Assert.Single(result.Incidents);
        Assert.Equal("ix-wireline-a", incident.Interconnect);
        Assert.Equal(ResponseKind.Isolate, incident.Response);
        Assert.Equal(2, result.Events);
        Assert.Equal(1, result.RejectedLines);
        Assert.Contains(result.Actions, a => a.Action == "isolate" && a.Interconnect == "ix-wireline-a");
    }

    [Fact]
    public void Refuses_a_request_without_telemetry()
    {
        var ex = Assert.Throws<ArgumentException>(() => DefendWorkflow.Run(new DefendRequest()));

        Assert.StartsWith("at least one telemetry file is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_a_missing_telemetry_file()
    {
        var missing = Path.Combine(_dir, "missing.csv");

        var ex = Assert.Throws<QuanetException>(() => DefendWorkflow.Run(new DefendRequest { Telemetry = [new TelemetryInput(TelemetryKind.Flow, missing)] }));

        Assert.Equal($"{missing}: file not found", ex.Message);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
