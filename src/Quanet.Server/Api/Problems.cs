using Microsoft.AspNetCore.Http;

namespace Quanet.Server.Api;

/// <summary>RFC 7807 problem answers with one clear line in <c>detail</c>.</summary>
internal static class Problems
{
    public static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: 400);

    public static IResult NotFound(string detail) => Results.Problem(detail, statusCode: 404);

    public static IResult Conflict(string detail) => Results.Problem(detail, statusCode: 409);
}
