using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Quanet.Cluster.Ingestion;
using Quanet.Cluster.Local;
using Quanet.Cluster.Tests.Support;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;
using Quanet.Server.Collector;
using Quanet.Server.Security;

namespace Quanet.Server.Tests.Collector;

public sealed class VesCollectorTests
{
    [NatsFact]
    public async Task Events_are_answered_202_after_they_are_in_the_stream_under_their_region()
    {
        await using var setup = await CollectorSetup.StartAsync();
        var inventory = InventoryJson.Load(setup.InventoryPath);
        var cellElement = inventory.Elements.First(e => e.Kind == ElementKind.RadioUnit);
        var region = setup.Collector.Regions.RegionOf(cellElement.Id);
        var body = VesEventWriter.ToBatchJson([Fault(cellElement.Id, "c1"), Fault(cellElement.Id, "c2"), Fault(cellElement.Id, "c3")]);

        using var response = await setup.PostAsync("eventListener/v7/eventBatch", body, setup.Credentials);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("""{"accepted":3,"duplicates":0}""", await response.Content.ReadAsStringAsync());
        var stored = new List<string>();
        await foreach (var e in setup.Log.ReadRegionAsync(region, 0, CancellationToken.None))
        {
            stored.Add(VesParser.ParseBody(e.Json.Span)[0].EventId);
        }

        Assert.Equal(["c1", "c2", "c3"], stored);
        Assert.NotEqual(TopologyRegions.Unassigned, region);
    }

    [NatsFact]
    public async Task A_chunked_batch_larger_than_the_first_read_buffer_is_stored_whole()
    {
        await using var setup = await CollectorSetup.StartAsync();
        var inventory = InventoryJson.Load(setup.InventoryPath);
        var sources = inventory.Elements.Select(e => e.Id).ToList();
        var events = Enumerable.Range(0, 300).Select(i => Fault(sources[i % sources.Count], "k" + i)).ToList();
        var body = Encoding.UTF8.GetBytes(VesEventWriter.ToBatchJson(events));
        Assert.True(body.Length > 64 * 1024);

        // no Content-Length: the collector grows its buffer as the chunks come
        using var request = new HttpRequestMessage(HttpMethod.Post, "eventListener/v7/eventBatch") { Content = new StreamContent(new UnseekableStream(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = setup.Credentials;
        using var response = await setup.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("""{"accepted":300,"duplicates":0}""", await response.Content.ReadAsStringAsync());

        // every event once in its own region, and a hub element's event also once in each neighbouring region
        var regions = TopologyRegions.FromInventory(inventory);
        var entries = events.Sum(e => regions.RegionsOf(e.SourceName).Count);
        Assert.True(entries > 300);
        Assert.Equal(entries, (await setup.Log.StateAsync(CancellationToken.None)).Events);
    }

    [NatsFact]
    public async Task A_request_without_credentials_or_with_a_viewer_key_is_refused()
    {
        await using var setup = await CollectorSetup.StartAsync();
        var body = VesEventWriter.ToJson(Fault("x", "u1"));

        using var anonymous = await setup.PostAsync("eventListener/v7", body, null);
        using var viewer = await setup.PostAsync("eventListener/v7", body, setup.ViewerCredentials);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(0, (await setup.Log.StateAsync(CancellationToken.None)).Events);
    }

    [NatsFact]
    public async Task A_malformed_event_is_answered_400_in_one_line_and_nothing_is_stored()
    {
        await using var setup = await CollectorSetup.StartAsync();
        var body = """{"eventList":[{"commonEventHeader":{"domain":"fault"}}]}""";

        using var response = await setup.PostAsync("eventListener/v7/eventBatch", body, setup.Credentials);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain('\n', text);
        Assert.Contains("eventList[0]", text, StringComparison.Ordinal);
        Assert.Equal(0, (await setup.Log.StateAsync(CancellationToken.None)).Events);
    }

    [NatsFact]
    public async Task With_every_NATS_node_down_the_collector_answers_503_with_retry_after()
    {
        await using var setup = await CollectorSetup.StartAsync();
        foreach (var node in setup.Nats.Nodes)
        {
            await node.KillAsync();
        }

        using var response = await setup.PostAsync("eventListener/v7", VesEventWriter.ToJson(Fault("x", "d1")), setup.Credentials);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("2", response.Headers.GetValues("Retry-After").Single());
    }

    private static VesEvent Fault(string source, string id) => new()
    {
        Domain = "fault",
        EventId = id,
        EventName = "Fault_LINK_DOWN",
        SourceName = source,
        ReportingEntityName = "ems",
        Priority = "High",
        StartEpochMicrosec = 1_700_000_000_000_000,
        LastEpochMicrosec = 1_700_000_000_000_000,
        Version = "4.1",
        VesEventListenerVersion = "7.2.1",
        AlarmCondition = "LINK_DOWN",
        Severity = VesSeverity.Critical,
        SpecificProblem = "Loss of signal",
        VfStatus = "Active",
    };

    private sealed class CollectorSetup : IAsyncDisposable
    {
        private readonly ClusterFolder _folder;
        private readonly HttpClient _http;

        private CollectorSetup(ClusterFolder folder, LocalNatsCluster nats, VesCollector collector, JetStreamEventLog log, string inventory, string operatorSecret, string viewerSecret)
        {
            _folder = folder;
            Nats = nats;
            Collector = collector;
            Log = log;
            InventoryPath = inventory;
            Credentials = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("sender:" + operatorSecret)));
            ViewerCredentials = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("watcher:" + viewerSecret)));
            _http = new HttpClient { BaseAddress = collector.BaseAddress };
        }

        public LocalNatsCluster Nats { get; }

        public VesCollector Collector { get; }

        public JetStreamEventLog Log { get; }

        public string InventoryPath { get; }

        public AuthenticationHeaderValue Credentials { get; }

        public AuthenticationHeaderValue ViewerCredentials { get; }

        public static async Task<CollectorSetup> StartAsync()
        {
            var folder = new ClusterFolder();
            var nats = await LocalNatsCluster.StartAsync(NatsFactAttribute.Program!, folder.Path, 3, CancellationToken.None);
            var inventory = Path.Combine(folder.Path, "inventory.json");
            File.WriteAllText(inventory, InventoryJson.Write(SyntheticInventory.Create()));
            var credentials = Path.Combine(folder.Path, "server.db");
            var keys = new ApiKeyStore(credentials);
            var operatorSecret = keys.Add("sender", Roles.Operator, DateTimeOffset.UnixEpoch);
            var viewerSecret = keys.Add("watcher", Roles.Viewer, DateTimeOffset.UnixEpoch);
            var logOptions = new EventLogOptions { Urls = nats.Urls, AckTimeout = TimeSpan.FromSeconds(3) };
            var collector = await VesCollector.StartAsync(
                new CollectorOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), CredentialsPath = credentials, InventoryPath = inventory, Log = logOptions },
                CancellationToken.None);
            var log = await JetStreamEventLog.OpenAsync(logOptions, CancellationToken.None);
            return new CollectorSetup(folder, nats, collector, log, inventory, operatorSecret, viewerSecret);
        }

        public HttpClient Http => _http;

        public async Task<HttpResponseMessage> PostAsync(string path, string body, AuthenticationHeaderValue? credentials)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = credentials;
            return await _http.SendAsync(request);
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            await Log.DisposeAsync();
            await Collector.DisposeAsync();
            await Nats.DisposeAsync();
            _folder.Dispose();
        }
    }

    /// <summary>A stream whose length is unknown, so HttpClient sends it chunked.</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
