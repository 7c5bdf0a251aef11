using System.Globalization;
using System.Text.Json;

namespace Quanet.Operations.Ingestion;

// The arrays of named hash maps: measurement groups and threshold-crossing counters.
public static partial class VesParser
{
    /// <summary>measurementFields.additionalMeasurements: an array of {name, hashMap}.</summary>
    private static void ReadNamedHashMaps(ref Utf8JsonReader r, ref VesEventFields f)
    {
        const string At = ".measurementFields.additionalMeasurements";
        var result = new List<VesMeasurement>();
        f.Measured = result;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            r.Skip();
            f.MeasuredErrorPath = At;
            f.MeasuredErrorReason = "expected an array of named hash maps";
            return;
        }

        var index = 0;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            var item = index++;
            if (f.MeasuredErrorPath is not null || r.TokenType != JsonTokenType.StartObject)
            {
                r.Skip();
                if (f.MeasuredErrorPath is null)
                {
                    f.MeasuredErrorPath = $"{At}[{item}]";
                    f.MeasuredErrorReason = "expected an object with 'name' and 'hashMap'";
                }

                continue;
            }

            var name = default(JsonField);
            var map = JsonTokenType.None;
            var first = result.Count;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("name"u8))
                {
                    r.Read();
                    Capture(ref r, ref name);
                }
                else if (r.ValueTextEquals("hashMap"u8))
                {
                    r.Read();
                    map = ReadHashMap(ref r, result, "");
                }
                else
                {
                    r.Read();
                    r.Skip();
                }
            }

            var reason = TextError(in name) is { } textError ? (".name", textError) : ObjectError(map) is { } mapError ? (".hashMap", mapError) : default;
            if (reason.Item1 is not null)
            {
                f.MeasuredErrorPath = $"{At}[{item}]{reason.Item1}";
                f.MeasuredErrorReason = reason.Item2;
                continue;
            }

            for (var k = first; k < result.Count; k++)
            {
                result[k] = result[k] with { Group = name.Text! };
            }
        }
    }

    /// <summary>thresholdCrossingAlertFields.additionalParameters: an array of counters {criticality, thresholdCrossed, hashMap}.</summary>
    private static void ReadCounters(ref Utf8JsonReader r, ref VesEventFields f)
    {
        const string At = ".thresholdCrossingAlertFields.additionalParameters";
        f.Counters = r.TokenType;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            r.Skip();
            return;
        }

        var observed = new List<VesMeasurement>();
        f.Observed = observed;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            var item = f.CounterCount++;
            if (f.CountersErrorPath is not null || r.TokenType != JsonTokenType.StartObject)
            {
                r.Skip();
                if (f.CountersErrorPath is null)
                {
                    f.CountersErrorPath = $"{At}[{item}]";
                    f.CountersErrorReason = "expected an object";
                }

                continue;
            }

            JsonField criticality = default, crossed = default;
            var map = JsonTokenType.None;
            var first = observed.Count;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("criticality"u8))
                {
                    r.Read();
                    Capture(ref r, ref criticality, Criticalities, CriticalitiesUtf8);
                }
                else if (r.ValueTextEquals("thresholdCrossed"u8))
                {
                    r.Read();
                    Capture(ref r, ref crossed);
                }
                else if (r.ValueTextEquals("hashMap"u8))
                {
                    r.Read();
                    map = ReadHashMap(ref r, observed, "");
                }
                else
                {
                    r.Read();
                    r.Skip();
                }
            }

            var reason = OneOfError(in criticality, Criticalities) is { } c ? (".criticality", c)
                : TextError(in crossed) is { } t ? (".thresholdCrossed", t)
                : ObjectError(map) is { } m ? (".hashMap", m)
                : default;
            if (reason.Item1 is not null)
            {
                f.CountersErrorPath = $"{At}[{item}]{reason.Item1}";
                f.CountersErrorReason = reason.Item2;
                continue;
            }

            f.FirstCrossed ??= crossed.Text;
            for (var k = first; k < observed.Count; k++)
            {
                observed[k] = observed[k] with { Group = crossed.Text! };
            }
        }
    }

    /// <summary>Reads a hashMap object of name -> number (numeric strings accepted, anything else NaN) into <paramref name="into"/>.</summary>
    private static JsonTokenType ReadHashMap(ref Utf8JsonReader r, List<VesMeasurement> into, string group)
    {
        var token = r.TokenType;
        if (token != JsonTokenType.StartObject)
        {
            r.Skip();
            return token;
        }

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var key = Utf8StringCache.Get(ref r);
            r.Read();
            into.Add(new VesMeasurement(group, key, NumberOf(ref r)));
        }

        return token;
    }

    private static double NumberOf(ref Utf8JsonReader r)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.Number:
                return r.TryGetDouble(out var number) ? number : double.NaN;
            case JsonTokenType.String:
                {
                    var ok = r.ValueIsEscaped
                        ? double.TryParse(r.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
                        : double.TryParse(r.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
                    return ok ? number : double.NaN;
                }

            default:
                r.Skip();
                return double.NaN;
        }
    }
}
