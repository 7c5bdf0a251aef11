using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Quanet.Planning.Geography;
using Quanet.Server.Security;

namespace Quanet.Server.WebConsole;

/// <summary>
/// <c>GET /api/v1/basemap/countries</c>: the country outlines embedded from data/ (Natural Earth 1:50m) as one
/// GeoJSON FeatureCollection, each feature with its <c>country</c> code: the console's basemap without any tile server.
/// </summary>
internal static class BasemapEndpoints
{
    private static readonly Lazy<(byte[] Content, string ETag)> Countries = new(Build);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/basemap/countries", (HttpContext http) =>
            {
                var (content, etag) = Countries.Value;
                http.Response.Headers.CacheControl = "private, max-age=3600";
                http.Response.Headers.ETag = etag;
                return http.Request.Headers.IfNoneMatch.Contains(etag)
                    ? Results.StatusCode(StatusCodes.Status304NotModified)
                    : Results.Bytes(content, "application/geo+json");
            })
            .RequireAuthorization(Policies.Read)
            .WithName("GetBasemapCountries")
            .WithSummary("Country outlines (GeoJSON FeatureCollection) for the console's offline basemap");
    }

    private static (byte[], string) Build()
    {
        var features = new JsonArray();
        foreach (var code in EmbeddedData.Countries)
        {
            var document = JsonNode.Parse(EmbeddedData.OutlineBytes(code))!;
            foreach (var feature in document["features"]!.AsArray().ToList())
            {
                feature!.AsObject().Remove("id");
                feature["properties"]!["country"] = code;
                features.Add(feature.DeepClone());
            }
        }

        var content = System.Text.Encoding.UTF8.GetBytes(new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString());
        var etag = "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content).AsSpan(0, 12)) + "\"";
        return (content, etag);
    }
}
