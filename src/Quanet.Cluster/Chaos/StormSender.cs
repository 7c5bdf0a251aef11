using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Quanet.Core;

namespace Quanet.Cluster.Chaos;

/// <summary>
/// A VES sender as a real one behaves: its events in order, in <c>eventBatch</c> requests with HTTP Basic; a request
/// that is not answered 202 (connection refused or reset, timeout, 503) is sent again with the same events, to the next
/// collector, after the 503's <c>Retry-After</c> or a short pause. The log's duplicate window stores a repeated event once.
/// </summary>
internal sealed class StormSender(int id, IReadOnlyList<Uri> collectors, AuthenticationHeaderValue authorization, HttpClient http, Stopwatch clock)
{
    private static readonly byte[] Open = "{\"eventList\":["u8.ToArray();
    private static readonly byte[] Close = "]}"u8.ToArray();

    /// <summary>Attempts that failed and were repeated.</summary>
    public int Retries { get; private set; }

    /// <summary>Sends <paramref name="events"/> in requests of <paramref name="batch"/>; <paramref name="acknowledged"/> is told of each 202.</summary>
    /// <exception cref="QuanetException">A collector refused a request for a reason a retry cannot fix (400, 401, 403).</exception>
    public async Task RunAsync(IReadOnlyList<StormEvent> events, int batch, Action<SentRequest> acknowledged, CancellationToken cancellationToken)
    {
        var collector = id % collectors.Count;
        for (var start = 0; start < events.Count; start += batch)
        {
            var chunk = events.Skip(start).Take(batch).ToList();
            var body = Body(chunk);
            var first = clock.Elapsed.TotalSeconds;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var attempt = clock.Elapsed.TotalSeconds;
                var (status, retryAfter) = await PostAsync(collectors[collector], body, cancellationToken).ConfigureAwait(false);
                if (status == HttpStatusCode.Accepted)
                {
                    acknowledged(new SentRequest(id, first, attempt, clock.Elapsed.TotalSeconds, chunk.Count,
                        chunk.SelectMany(e => e.Regions).GroupBy(r => r, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal)));
                    break;
                }

                if (status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    throw new QuanetException(string.Create(CultureInfo.InvariantCulture, $"collector {collectors[collector]} refused a storm request with {(int)status}"));
                }

                Retries++;
                collector = (collector + 1) % collectors.Count;
                await Task.Delay(retryAfter, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<(HttpStatusCode? Status, TimeSpan RetryAfter)> PostAsync(Uri collector, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(collector, "eventListener/v7/eventBatch")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = authorization;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        try
        {
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMilliseconds(200);
            return (response.StatusCode, wait);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // refused, reset or timed out: the collector died or hangs
            return (null, TimeSpan.FromMilliseconds(200));
        }
    }

    private static byte[] Body(List<StormEvent> chunk)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Open);
        for (var i = 0; i < chunk.Count; i++)
        {
            if (i > 0)
            {
                buffer.WriteByte((byte)',');
            }

            buffer.Write(chunk[i].Json);
        }

        buffer.Write(Close);
        return buffer.ToArray();
    }

    /// <summary>The HTTP Basic header of key <paramref name="name"/> with <paramref name="secret"/>.</summary>
    public static AuthenticationHeaderValue Basic(string name, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(name + ":" + secret)));
}
