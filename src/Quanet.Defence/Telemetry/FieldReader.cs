using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Quanet.Defence.Telemetry;

/// <summary>Validated access to the fields of one JSON telemetry record.</summary>
internal readonly struct FieldReader(JsonElement root, TelemetryLimits limits)
{
    public string Text(string name) => TextOrNull(name) ?? throw new LineRejectedException($"missing field '{name}'");

    public string? TextOrNull(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new LineRejectedException($"field '{name}' is not a string");
        }

        return CheckText(name, value.GetString()!, limits);
    }

    public bool Has(string name) => root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public long Integer(string name, long min, long max)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            throw new LineRejectedException($"missing field '{name}'");
        }

        long n;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out n))
        {
        }
        else if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n))
        {
        }
        else
        {
            throw new LineRejectedException($"field '{name}' is not an integer");
        }

        return n < min || n > max ? throw new LineRejectedException($"field '{name}' out of range") : n;
    }

    public IPAddress Address(string name) => ParseAddress(name, Text(name));

    public DateTimeOffset Timestamp(string name) => ParseTimestamp(Text(name));

    public FieldReader Object(string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? new FieldReader(value, limits)
            : throw new LineRejectedException($"missing object '{name}'");

    public JsonElement Array(string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value
            : throw new LineRejectedException($"missing array '{name}'");

    public static string CheckText(string name, string text, TelemetryLimits limits)
    {
        if (text.Length > limits.MaxFieldLength)
        {
            throw new LineRejectedException($"field '{name}' too long");
        }

        foreach (var c in text)
        {
            // control characters (terminal escapes, embedded newlines) are how log injection hides
            if (char.IsControl(c))
            {
                throw new LineRejectedException($"control character in field '{name}'");
            }
        }

        return text;
    }

    public static IPAddress ParseAddress(string name, string text) =>
        IPAddress.TryParse(text, out var address) && text.Length <= 45
            ? address
            : throw new LineRejectedException($"field '{name}' is not an IP address");

    public static DateTimeOffset ParseTimestamp(string text)
    {
        // ISO 8601 with Z or +hh:mm, and Suricata's +hhmm
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ts))
        {
            return ts;
        }

        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss.ffffffzzzz", "yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", "yyyy-MM-dd'T'HH:mm:sszzz"];
        var fixedOffset = text.Length > 5 && (text[^5] == '+' || text[^5] == '-') ? text.Insert(text.Length - 2, ":") : text;
        return DateTimeOffset.TryParseExact(fixedOffset, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out ts)
            ? ts
            : throw new LineRejectedException("bad timestamp");
    }
}
