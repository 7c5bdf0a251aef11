using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Quanet.Server.Hosting;

/// <summary>
/// The OpenAPI 3.1 document at <c>/openapi/v1.json</c> (readable by any caller) and the offline interactive API
/// reference (Scalar) at <c>/api-docs/v1</c>; <c>/api-docs</c> itself is the console's reference page. Every operation
/// records the policy it requires as <c>x-quanet-policy</c> (read, plan, operate, admin; <c>authenticated</c> for the
/// fallback, <c>anonymous</c>), read from the endpoint's own authorization metadata, so an endpoint that is mapped
/// with <c>RequireAuthorization(Policies.X)</c> is documented correctly.
/// </summary>
internal static class OpenApiSetup
{
    /// <summary>The extension naming an operation's policy.</summary>
    public const string PolicyExtension = "x-quanet-policy";

    public static void Add(IServiceCollection services)
    {
        services.AddOpenApi("v1", o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Quanet API",
                    Version = "v1",
                    Description = "Plan, secure and operate. Authenticate with `Authorization: Bearer qnk_...` (an API key) or an OIDC token.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API key (qnk_...) or a JWT from the configured OIDC issuer",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                var anonymous = metadata.OfType<IAllowAnonymous>().Any();
                var policy = anonymous ? "anonymous" : metadata.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null) ?? "authenticated";
                operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                operation.Extensions[PolicyExtension] = new JsonNodeExtension(JsonValue.Create(policy));
                if (!anonymous)
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", context.Document)] = [] });
                }

                return Task.CompletedTask;
            });
        });
    }

    public static void Map(WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Security.Policies.Read);
        // the page and its bundled script hold no data; the document it loads needs a key, which the page asks for
        // once and sends on same-origin requests (the console keeps it under the same sessionStorage name)
        app.MapScalarApiReference("/api-docs", o => o
                .WithTitle("Quanet API")
                .DisableDefaultFonts()
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddHeadContent(KeyScript))
            .AllowAnonymous();
    }

    private const string KeyScript = """
        <script>
        (function () {
          const name = 'quanet.apiKey';
          const original = window.fetch.bind(window);
          window.fetch = function (input, init) {
            const url = new URL(typeof input === 'string' ? input : input.url, window.location.href);
            if (url.origin === window.location.origin) {
              let key = sessionStorage.getItem(name);
              if (!key) {
                key = window.prompt('API key (qnk_...) to read the API description') || '';
                sessionStorage.setItem(name, key);
              }
              init = Object.assign({}, init);
              const headers = new Headers(init.headers || (typeof input === 'string' ? undefined : input.headers));
              if (!headers.has('Authorization')) { headers.set('Authorization', 'Bearer ' + key); }
              init.headers = headers;
            }
            return original(input, init);
          };
        })();
        </script>
        """;
}
