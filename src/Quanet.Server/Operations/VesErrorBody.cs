using Microsoft.AspNetCore.Http;

namespace Quanet.Server.Operations;

/// <summary>The VES Event Listener's error answer to a bad request: <c>requestError</c> / <c>serviceException</c> SVC0002 "Bad Parameter".</summary>
internal static class VesErrorBody
{
    public static IResult BadParameter(string message) =>
        Results.Json(new { requestError = new { serviceException = new { messageId = "SVC0002", text = "Bad Parameter: %1", variables = new[] { message } } } }, statusCode: 400);
}
