using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Quanet.Kme.Certificates;
using Quanet.Kme.Client;
using Quanet.Kme.Relay;

namespace Quanet.Kme.Control;

/// <summary>
/// A KME's channel to the SDN controller over mutual TLS (the KME's own certificate; the controller's must carry
/// the configured controller ID): asks for relay paths, reports failed links and link state. Never in the way: a
/// controller that does not answer within <see cref="AskTimeout"/> gives null (the KME routes on its own) and is
/// not asked again for <see cref="Backoff"/>. Only the first relay to a destination waits for the controller; later
/// ones take the last answer while it is refreshed in the background every <see cref="CacheFor"/>.
/// </summary>
internal sealed class ControllerClient : IPathSource, IDisposable
{
    /// <summary>Longest wait for a path answer.</summary>
    public static readonly TimeSpan AskTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a controller that failed to answer is left alone.</summary>
    public static readonly TimeSpan Backoff = TimeSpan.FromSeconds(2);

    /// <summary>Age after which an answer is refreshed in the background (relays go on with it meanwhile).</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMilliseconds(200);

    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly Action<string> _log;
    private readonly Dictionary<string, CachedPaths> _cache = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private long _quietUntil;
    private long _answered;
    private long _unanswered;

    public ControllerClient(Uri baseAddress, string controllerId, X509Certificate2 kmeCertificate, TrustValidator trust, TimeProvider time, Action<string> log)
    {
        _http = new HttpClient(TlsSettings.Handler(kmeCertificate, trust, controllerId, maxConnections: 8), disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(5),
        };
        _time = time;
        _log = log;
    }

    /// <summary>Path answers the controller gave so far.</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>Path questions it did not answer (the KME routed on its own).</summary>
    public long Unanswered => Interlocked.Read(ref _unanswered);

    public Task<IReadOnlyList<List<string>>?> PathsAsync(string from, string to, int count)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{from}>{to}>{count}");
        lock (_gate)
        {
            if (_time.GetTimestamp() < _quietUntil)
            {
                Interlocked.Increment(ref _unanswered);
                return Task.FromResult<IReadOnlyList<List<string>>?>(null);
            }

            if (!_cache.TryGetValue(key, out var entry))
            {
                // The first relay to a destination waits for the controller's answer (at most AskTimeout).
                entry = new CachedPaths { At = _time.GetTimestamp(), Refreshing = true };
                entry.Answer = RefreshAsync(key, entry, from, to, count);
                _cache[key] = entry;
                return entry.Answer;
            }

            if (!entry.Refreshing && _time.GetElapsedTime(entry.At) >= CacheFor)
            {
                // Later relays never wait for the controller: they take the last answer while a fresh one is fetched
                // (RelayService puts links that just failed here last in any case).
                entry.Refreshing = true;
                _ = RefreshAsync(key, entry, from, to, count);
            }

            return entry.Answer;
        }
    }

    public void ReportFailure(string link)
    {
        lock (_gate)
        {
            foreach (var entry in _cache.Values)
            {
                entry.At = 0; // stale: the next relay triggers a fresh answer around the link
            }
        }

        _ = PostAsync($"qkd/v1/links/{Uri.EscapeDataString(link)}/failures", []);
    }

    /// <summary>Sends this KME's link states; false if the controller did not take them.</summary>
    public Task<bool> ReportAsync(LinkReport report) =>
        PostAsync("qkd/v1/reports", JsonSerializer.SerializeToUtf8Bytes(report, ControlJsonContext.Default.LinkReport));

    public void Dispose() => _http.Dispose();

    private async Task<IReadOnlyList<List<string>>?> RefreshAsync(string key, CachedPaths entry, string from, string to, int count)
    {
        var answer = await AskAsync(from, to, count).ConfigureAwait(false);
        lock (_gate)
        {
            // A failed refresh leaves a stale entry with no answer: after the back-off the next relay asks again.
            entry.Answer = Task.FromResult(answer);
            entry.At = answer is null ? 0 : _time.GetTimestamp();
            entry.Refreshing = false;
        }

        return answer;
    }

    private async Task<IReadOnlyList<List<string>>?> AskAsync(string from, string to, int count)
    {
        try
        {
            using var timeout = new CancellationTokenSource(AskTimeout, _time);
            var uri = string.Create(CultureInfo.InvariantCulture, $"qkd/v1/paths?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}&k={count}");
            using var response = await _http.GetAsync(uri, timeout.Token).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var list = await JsonSerializer.DeserializeAsync(await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false), ControlJsonContext.Default.PathList, timeout.Token).ConfigureAwait(false);
            Interlocked.Increment(ref _answered);
            return list is null ? null : [.. list.Paths.Where(p => p.Nodes.Count >= 2 && p.Nodes[0] == from && p.Nodes[^1] == to).Select(p => p.Nodes)];
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException)
        {
            Interlocked.Increment(ref _unanswered);
            lock (_gate)
            {
                _quietUntil = _time.GetTimestamp() + (long)(Backoff.TotalSeconds * _time.TimestampFrequency);
            }

            _log($"controller: no path answer ({ex.GetType().Name}: {ex.Message}); routing locally for {Backoff.TotalSeconds:F0} s");
            return null;
        }
    }

    private async Task<bool> PostAsync(string path, byte[] body)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var timeout = new CancellationTokenSource(AskTimeout, _time);
            using var response = await _http.PostAsync(path, content, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }
}
