using Quanet.Operations.Inventory;
using Quanet.Workflows.Operations;

namespace Quanet.Workflows.Tests.Operations;

public sealed class ReplayWorkflowTests : IDisposable
{
    private const string Fault = """{"event":{"commonEventHeader":{"domain":"fault","eventId":"f1","eventName":"Fault_LinkDown","lastEpochMicrosec":1700000000000000,"priority":"High","reportingEntityName":"S01/csr","sequence":1,"sourceName":"S01/csr","startEpochMicrosec":1700000000000000,"version":"4.1","vesEventListenerVersion":"7.2.1"},"faultFields":{"alarmCondition":"LINK_DOWN","alarmInterfaceA":"L1","eventSeverity":"CRITICAL","eventSourceType":"router","faultFieldsVersion":"4.0","specificProblem":"LOS","vfStatus":"Active"}}}""";

    private readonly string _directory = Directory.CreateTempSubdirectory("quanet-replay-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_same_storm_gives_the_same_incidents_in_every_run_with_both_cores_busy()
    {
        // #16 defect 4: this storm replayed to "43 alarms, 0 incidents" in 9 of 45 runs on a loaded
        // 2-core machine (the correlator was flushed before the writer had handed it the last batch)
        var network = SyntheticInventory.Create(40, 3);
        var storm = Path.Combine(_directory, "storm.ndjson");
        var simulated = await SimulateWorkflow.RunAsync(new SimulateRequest
        {
            Inventory = network,
            Topology = "synthetic",
            Hours = 6,
            Seed = 3,
            Faults = [("fibre_cut", 8), ("du_crash", 4)],
            EventsOutPath = storm,
        });
        var request = new ReplayRequest { Inventory = network, Topology = "synthetic", EventsPath = storm, Seed = 3 };
        using var stop = new CancellationTokenSource();
        var burners = Enumerable.Range(0, Environment.ProcessorCount)
            .Select(_ => Task.Factory.StartNew(() => Burn(stop.Token), TaskCreationOptions.LongRunning)).ToArray();
        var runs = new List<string>();
        try
        {
            for (var run = 0; run < 20; run++)
            {
                runs.Add(Signature(await ReplayWorkflow.RunAsync(request)));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(burners);
        }

        // the simulator's own engine saw the same events: 43 alarms into 3 incidents (/work/baseline/ops-replay.json)
        Assert.Equal(3, simulated.Incidents);
        Assert.Equal(
            "1841 accepted, 43 alarms: fibre_cut R3 2 | du_software_crash S22/du 9 | fibre_cut L12 19",
            runs[0]);
        Assert.All(runs, r => Assert.Equal(runs[0], r));
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("png")]
    [InlineData("noise")]
    public async Task A_file_with_no_valid_event_fails_and_still_reports_its_counts(string kind)
    {
        var path = Path.Combine(_directory, kind + ".ndjson");
        File.WriteAllBytes(path, kind switch
        {
            "empty" => [],
            "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0],
            _ => Noise(64 * 1024),
        });

        var result = await ReplayWorkflow.RunAsync(Request(path));

        Assert.Equal(0, result.Accepted);
        Assert.Equal(result.Lines, result.Rejected);
        Assert.Equal($"{kind}.ndjson: no VES event accepted ({result.Lines} lines read, {result.Rejected} rejected)", result.Failure);
        Assert.Empty(result.Incidents);
        if (kind != "empty")
        {
            Assert.NotEqual(0, result.Rejected);
            Assert.StartsWith($"{kind}.ndjson:1: ", result.Rejections[0], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(1, "mixed.ndjson: 2 lines rejected, more than the 1 allowed")]
    [InlineData(2, null)]
    [InlineData(null, null)]
    public async Task More_rejected_lines_than_allowed_fail_the_replay(int? maxRejected, string? failure)
    {
        var path = Path.Combine(_directory, "mixed.ndjson");
        File.WriteAllLines(path, [Fault, "{\"event\":{}}", "not json", ""]);

        var result = await ReplayWorkflow.RunAsync(Request(path) with { MaxRejected = maxRejected });

        Assert.Equal(3, result.Lines);
        Assert.Equal(1, result.Accepted);
        Assert.Equal(2, result.Rejected);
        Assert.Equal(["mixed.ndjson:2: event.commonEventHeader: required object missing"], result.Rejections.Take(1));
        Assert.Equal(failure, result.Failure);
    }

    [Fact]
    public async Task A_missing_file_is_reported_by_its_full_path()
    {
        var path = Path.Combine(_directory, "absent.ndjson");

        var ex = await Assert.ThrowsAsync<FileNotFoundException>(() => ReplayWorkflow.RunAsync(Request(path)));

        Assert.Equal(path, ex.FileName);
    }

    private static ReplayRequest Request(string path) =>
        new() { Inventory = SyntheticInventory.Create(4, 1), Topology = "synthetic", EventsPath = path };

    private static string Signature(ReplayResult r) =>
        $"{r.Accepted} accepted, {r.Alarms} alarms: "
        + string.Join(" | ", r.Incidents.Select(i => $"{Quanet.Operations.Action.ResolutionPlanner.TypeName(i.Type)} {i.RootCause} {i.Alarms.Count}"));

    private static byte[] Noise(int length)
    {
        var bytes = new byte[length];
        new Random(16).NextBytes(bytes);
        return bytes;
    }

    private static void Burn(CancellationToken stop)
    {
        var x = 0UL;
        while (!stop.IsCancellationRequested)
        {
            for (var i = 0; i < 100_000; i++)
            {
                x = (x * 6364136223846793005UL) + 1442695040888963407UL;
            }
        }

        GC.KeepAlive(x);
    }
}
