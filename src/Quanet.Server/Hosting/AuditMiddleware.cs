using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Quanet.Server.Security;

namespace Quanet.Server.Hosting;

/// <summary>Records every mutating call (POST, PUT, PATCH, DELETE) with its caller and status in the <see cref="AuditLog"/>, refused ones too.</summary>
internal static class AuditMiddleware
{
    public static void Use(WebApplication app)
    {
        var log = app.Services.GetRequiredService<AuditLog>();
        var time = app.Services.GetRequiredService<TimeProvider>();
        app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
            {
                await next(context);
                return;
            }

            var status = 500;
            try
            {
                await next(context);
                status = context.Response.StatusCode;
            }
            finally
            {
                var caller = context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : "anonymous";
                log.Append(time.GetUtcNow(), caller, method, context.Request.Path.Value ?? "/", status);
            }
        });
    }
}
