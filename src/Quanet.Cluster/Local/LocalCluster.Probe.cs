using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Quanet.Core;

namespace Quanet.Cluster.Local;

// Whether the collectors answer a sender: an authenticated request that touches nothing.
public sealed partial class LocalCluster
{
    private static readonly HttpClient ProbeHttp = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>
    /// Checks that every collector answers an authenticated VES request: an empty <c>eventBatch</c>, which passes
    /// the key check and is refused with 400 before anything reaches the log.
    /// </summary>
    /// <exception cref="QuanetException">A collector does not answer, or refuses the key (401, 403).</exception>
    public async Task ProbeCollectorsAsync(string keyName, string secret, CancellationToken cancellationToken)
    {
        var authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(keyName + ":" + secret)));
        foreach (var url in CollectorUrls)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, "eventListener/v7/eventBatch"))
            {
                Content = new StringContent("{\"eventList\":[]}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = authorization;
            HttpStatusCode status;
            try
            {
                using var response = await ProbeHttp.SendAsync(request, cancellationToken).ConfigureAwait(false);
                status = response.StatusCode;
            }
            catch (HttpRequestException ex)
            {
                throw new QuanetException($"collector {url} does not answer: {ex.Message}");
            }

            if (status != HttpStatusCode.BadRequest)
            {
                throw new QuanetException(string.Create(CultureInfo.InvariantCulture, $"collector {url} answered an authenticated probe with {(int)status}, not 400"));
            }
        }
    }
}
