using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Quanet.Server.WebConsole;

/// <summary>
/// The web console: <c>/</c> (its page), <c>/api-docs</c> (the offline API reference over <c>/openapi/v1.json</c>) and
/// <c>/console/{file}</c> (their scripts, stylesheets and images), the only anonymous paths besides the health probes. They hold no data: every data call of the page goes to the API with
/// the caller's key. Served with a self-only Content-Security-Policy.
/// </summary>
internal static class ConsoleEndpoints
{
    /// <summary>Scripts, styles, images and connections from this origin only; no plugins, frames or base URL changes.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void AddServices(IServiceCollection services) => services.AddSingleton(_ => ConsoleBundle.Load(ConsoleBundle.DefaultRoot));

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext http, ConsoleBundle bundle) => bundle.IsBuilt ? Serve(http, bundle.Find("index.html")!) : NotBuilt(http))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/api-docs", (HttpContext http, ConsoleBundle bundle) => bundle.Find("api-docs.html") is { } page ? Serve(http, page) : NotBuilt(http))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/console/{**file}", (string file, HttpContext http, ConsoleBundle bundle) =>
                bundle.Find(file) is { } found ? Serve(http, found) : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription();
        BasemapEndpoints.Map(app);
    }

    private static IResult Serve(HttpContext http, ConsoleFile file)
    {
        var headers = http.Response.Headers;
        Secure(headers);
        headers.CacheControl = file.CacheControl;
        headers.ETag = file.ETag;
        if (http.Request.Headers.IfNoneMatch.Contains(file.ETag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(file.Content, file.ContentType);
    }

    private static IResult NotBuilt(HttpContext http)
    {
        Secure(http.Response.Headers);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(ConsoleNotBuilt.Page, "text/html; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static void Secure(IHeaderDictionary headers)
    {
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }
}
