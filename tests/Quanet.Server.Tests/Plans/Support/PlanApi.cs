using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Quanet.Server.Tests.Plans.Support;

/// <summary>Small calls of the plans API the tests repeat.</summary>
internal static class PlanApi
{
    public static async Task<string> SubmitAsync(HttpClient client, object submission)
    {
        var response = await client.PostAsJsonAsync("api/v1/plans", submission);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("queued", body.GetProperty("status").GetString());
        return body.GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string id) =>
        await client.GetFromJsonAsync<JsonElement>($"api/v1/plans/{id}");

    /// <summary>Polls until the job's status satisfies <paramref name="done"/> (at most two minutes).</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, string id, Func<string, bool> done)
    {
        for (var i = 0; i < 1200; i++)
        {
            var job = await GetAsync(client, id);
            if (done(job.GetProperty("status").GetString()!))
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"plan job {id} did not reach the expected status");
    }

    public static bool Terminal(string status) => status is "succeeded" or "failed" or "cancelled";
}
