using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Quanet.Server.Operations;

/// <summary>The operations area's JSON: the API's camelCase with enums as camelCase names.</summary>
internal static class OperationsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>The UTF-8 JSON of <paramref name="value"/> (a read document to keep in a <see cref="Api.SnapshotCache"/>).</summary>
    public static byte[] Utf8<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>An answer from a document already serialised (under a lock that the live objects need).</summary>
    public static IResult Text(string json, int status = 200) => Results.Text(json, "application/json", statusCode: status);

    /// <summary>Renames the snake_case keys of a stored engine document to the API's camelCase, recursively.</summary>
    public static JsonNode? CamelCase(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var renamed = new JsonObject();
                foreach (var (key, value) in o.ToList())
                {
                    o.Remove(key);
                    renamed[JsonNamingPolicy.CamelCase.ConvertName(string.Concat(key.Split('_').Select((p, i) => i == 0 || p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..])))] = CamelCase(value);
                }

                return renamed;
            case JsonArray a:
                var items = a.ToList();
                a.Clear();
                return new JsonArray([.. items.Select(CamelCase)]);
            default:
                return node;
        }
    }
}
