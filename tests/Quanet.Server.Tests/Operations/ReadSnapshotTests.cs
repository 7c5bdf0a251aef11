using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Quanet.Operations.Ingestion;
using Quanet.Server.Security;

namespace Quanet.Server.Tests.Operations;

/// <summary>
/// The operations reads are serialised once per change and answered with an entity tag: a poll with a current tag
/// gets 304, and a read made right after a write has returned shows that write (the cached document is rebuilt).
/// </summary>
public sealed class ReadSnapshotTests
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, EntityTagHeaderValue? etag = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (etag is not null)
        {
            request.Headers.IfNoneMatch.Add(etag);
        }

        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("api/v1/incidents")]
    [InlineData("api/v1/incidents?state=open")]
    [InlineData("api/v1/alarms")]
    [InlineData("api/v1/alarms?state=all&severity=MAJOR")]
    [InlineData("api/v1/defence/incidents")]
    [InlineData("api/v1/defence/isolations?state=pending")]
    [InlineData("api/v1/solvers")]
    [InlineData("api/v1/plans")]
    public async Task A_poll_with_the_current_entity_tag_gets_304_without_a_body(string path)
    {
        await using var harness = await ServerHarness.StartAsync();
        using var viewer = harness.Client(Roles.Viewer);
        await harness.Client(Roles.Operator).PostAsync("eventListener/v7", Json(VesFaults.DuCrash().Crash));

        var first = await GetAsync(viewer, path);
        var again = await GetAsync(viewer, path, first.Headers.ETag);
        var other = await GetAsync(viewer, path, new EntityTagHeaderValue("\"0123\""));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-cache", first.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.NotNull(JsonNode.Parse(await first.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Alarm_reads_right_after_a_VES_post_a_repeat_an_acknowledge_and_a_clear_show_each_change()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var operatorClient = harness.Client(Roles.Operator);
        var du = VesFaults.DuCrash().Du;
        var raised = VesEventWriter.ToJson(VesFaults.Fault(du, "SOFTWARE_FAULT", VesSeverity.Critical, 1_000_000));
        var before = await GetAsync(operatorClient, "api/v1/alarms");

        await operatorClient.PostAsync("eventListener/v7", Json(raised));
        var afterPost = await operatorClient.GetFromJsonAsync<JsonObject>($"api/v1/alarms?objectInstance={du}");
        var id = afterPost!["alarms"]![0]!["alarmId"]!.GetValue<long>();
        // a repeat reaches the store's row up to a second later; the list shows it at once
        await operatorClient.PostAsync("eventListener/v7", Json(VesEventWriter.ToJson(VesFaults.Fault(du, "SOFTWARE_FAULT", VesSeverity.Critical, 1_500_000))));
        var afterRepeat = await operatorClient.GetFromJsonAsync<JsonObject>($"api/v1/alarms?objectInstance={du}");
        var afterRepeatAll = await operatorClient.GetFromJsonAsync<JsonObject>($"api/v1/alarms?state=all&objectInstance={du}");
        await operatorClient.PostAsync($"api/v1/alarms/{id}/acknowledge", null);
        var afterAck = await operatorClient.GetFromJsonAsync<JsonObject>("api/v1/alarms?ackState=ACKNOWLEDGED");
        await operatorClient.PostAsync($"api/v1/alarms/{id}/clear", null);
        var afterClear = await operatorClient.GetFromJsonAsync<JsonObject>($"api/v1/alarms?objectInstance={du}");
        var cleared = await operatorClient.GetFromJsonAsync<JsonObject>("api/v1/alarms?state=cleared");

        Assert.Equal(0, (await before.Content.ReadFromJsonAsync<JsonObject>())!["count"]!.GetValue<int>());
        Assert.Equal(1, afterPost["count"]!.GetValue<int>());
        Assert.Equal(2, afterRepeat!["alarms"]![0]!["count"]!.GetValue<int>());
        Assert.Equal(2, afterRepeatAll!["alarms"]![0]!["count"]!.GetValue<int>());
        Assert.Equal([id], afterAck!["alarms"]!.AsArray().Select(a => a!["alarmId"]!.GetValue<long>()));
        Assert.Equal(0, afterClear!["count"]!.GetValue<int>());
        Assert.Equal("CLEARED", cleared!["alarms"]![0]!["perceivedSeverity"]!.GetValue<string>());
        Assert.Equal("operator", cleared["alarms"]![0]!["clearUserId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Incident_reads_right_after_the_correlating_post_and_a_runbook_approval_show_each_change()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var operatorClient = harness.Client(Roles.Operator);
        var (crash, late, later, du) = VesFaults.DuCrash();
        var empty = await GetAsync(operatorClient, "api/v1/incidents");
        await operatorClient.PostAsync("eventListener/v7", Json(crash));
        var waiting = await operatorClient.GetFromJsonAsync<JsonObject>("api/v1/incidents");

        // the late events close the correlation window: the incident exists when the post returns
        await operatorClient.PostAsync("eventListener/v7", Json(late));
        await operatorClient.PostAsync("eventListener/v7", Json(later));
        var opened = await GetAsync(operatorClient, "api/v1/incidents");
        var incident = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["incidents"]!.AsArray().First(i => i!["rootCause"]!.GetValue<string>() == du)!;
        var id = incident["id"]!.GetValue<long>();
        var detailBefore = await GetAsync(operatorClient, $"api/v1/incidents/{id}");
        var approved = await operatorClient.PostAsync($"api/v1/incidents/{id}/runbook/approve", null);
        var runId = (await approved.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
        var detailAfter = await GetAsync(operatorClient, $"api/v1/incidents/{id}", detailBefore.Headers.ETag);
        var listAfter = await GetAsync(operatorClient, "api/v1/incidents", opened.Headers.ETag);

        Assert.Empty((await empty.Content.ReadFromJsonAsync<JsonObject>())!["incidents"]!.AsArray());
        Assert.Empty(waiting!["incidents"]!.AsArray());
        Assert.Empty(incident["runbookRuns"]!.AsArray());
        Assert.Equal(HttpStatusCode.Created, approved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, detailAfter.StatusCode);
        Assert.NotEqual(detailBefore.Headers.ETag, detailAfter.Headers.ETag);
        Assert.Equal([runId], (await detailAfter.Content.ReadFromJsonAsync<JsonObject>())!["runbookRuns"]!.AsArray().Select(r => r!.GetValue<long>()));
        Assert.Equal(HttpStatusCode.OK, listAfter.StatusCode);
        Assert.Contains((await listAfter.Content.ReadFromJsonAsync<JsonObject>())!["incidents"]!.AsArray(),
            i => i!["id"]!.GetValue<long>() == id && i["runbookRuns"]!.AsArray().Count == 1);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(operatorClient, "api/v1/incidents/999999")).StatusCode);
    }

    [Fact]
    public async Task A_large_document_is_gzipped_for_a_caller_that_accepts_gzip_under_the_same_entity_tag()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var viewer = harness.Client(Roles.Viewer);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/solvers");
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");

        var plain = await GetAsync(viewer, "api/v1/solvers");
        var zipped = await viewer.SendAsync(request);
        await using var unzipped = new GZipStream(await zipped.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var reader = new StreamReader(unzipped, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();

        Assert.Equal(["gzip"], zipped.Content.Headers.ContentEncoding);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(await plain.Content.ReadAsStringAsync(), text);
        Assert.Equal(plain.Headers.ETag, zipped.Headers.ETag);
        Assert.Contains("Accept-Encoding", zipped.Headers.Vary);
    }
}
