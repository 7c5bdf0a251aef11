using System.Text.Json;

namespace Quanet.Server.Tests.Plans.Support;

/// <summary>Reads a job's <c>/events</c> stream with HttpClient, one Server-Sent Event at a time.</summary>
internal sealed class PlanEvents : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private PlanEvents(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public string ContentType => _response.Content.Headers.ContentType?.MediaType ?? "";

    public static async Task<PlanEvents> OpenAsync(HttpClient client, string id)
    {
        var response = await client.GetAsync($"api/v1/plans/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new PlanEvents(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The next event (name and JSON data), or null at the end of the stream; comment lines are skipped.</summary>
    public async Task<(string Name, JsonElement Data)?> NextAsync()
    {
        string? name = null;
        string? data = null;
        while (await _reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null && data is not null)
                {
                    return (name, JsonDocument.Parse(data).RootElement.Clone());
                }

                continue;
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
        }

        return null;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
