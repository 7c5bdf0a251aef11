using Quanet.Kme.Protocol;

namespace Quanet.Kme.Client;

/// <summary>A KME answer: the HTTP status and either the value (200) or the ETSI Error body.</summary>
/// <typeparam name="T">The success document type.</typeparam>
/// <param name="StatusCode">HTTP status code.</param>
/// <param name="Value">The document on 200, else null.</param>
/// <param name="Error">The Error document otherwise (null if the body was not one).</param>
public sealed record KmeResponse<T>(int StatusCode, T? Value, ErrorResponse? Error)
    where T : class;
