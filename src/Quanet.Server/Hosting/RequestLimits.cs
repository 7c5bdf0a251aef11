using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Quanet.Server.Hosting;

/// <summary>
/// Request body limits: Kestrel's ceiling is <see cref="UploadCeilingBytes"/>, and every endpoint that does not declare a
/// limit of its own (<c>.WithMetadata(new RequestSizeLimitAttribute(bytes))</c>, for uploads) gets the small JSON
/// default of <see cref="ServerOptions.MaxRequestBodyBytes"/>. Reading past the limit answers 413.
/// </summary>
internal static class RequestLimits
{
    /// <summary>The largest body any endpoint may accept (uploads of demand and candidate files).</summary>
    public const long UploadCeilingBytes = 256L * 1024 * 1024;

    public static void Use(WebApplication app, long defaultBytes)
    {
        app.Use(async (context, next) =>
        {
            var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false })
            {
                var declared = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
                feature.MaxRequestBodySize = declared is null ? defaultBytes : Math.Min(declared.MaxRequestBodySize ?? UploadCeilingBytes, UploadCeilingBytes);
            }

            await next(context);
        });
    }
}
