using System.Buffers.Text;

namespace Quanet.Operations.Kpi;

/// <summary>
/// Parses the time of a KPI row from its UTF-8 bytes, without allocating: Unix seconds (<c>1717200000</c>,
/// optionally with a fraction) or ISO 8601 (<c>2024-06-01T00:15:00Z</c>, <c>2024-06-01 00:15</c>,
/// <c>2024-06-01T00:15:00.5+02:00</c>, a date alone). Gives two clocks: the instant (UTC, for ordering)
/// and the wall clock as written (the offset not applied), which is what a cell's daily rhythm follows.
/// </summary>
internal static class KpiTime
{
    private const long SecondsPerDay = 86_400;

    /// <summary>Parses <paramref name="text"/>; false when it is neither form.</summary>
    /// <param name="text">The field's bytes.</param>
    /// <param name="instant">Seconds since 1970-01-01 UTC.</param>
    /// <param name="wall">Seconds since 1970-01-01 on the clock the time is written in (equal to <paramref name="instant"/> for Unix seconds and UTC times).</param>
    public static bool TryParse(ReadOnlySpan<byte> text, out long instant, out long wall)
    {
        instant = wall = 0;
        if (text.Length == 0)
        {
            return false;
        }

        if (LooksNumeric(text))
        {
            if (!Utf8Parser.TryParse(text, out double seconds, out var used) || used != text.Length || !double.IsFinite(seconds)
                || Math.Abs(seconds) > 253_402_300_799.0)
            {
                return false;
            }

            instant = wall = (long)Math.Floor(seconds);
            return true;
        }

        return TryParseIso(text, out instant, out wall);
    }

    private static bool LooksNumeric(ReadOnlySpan<byte> text)
    {
        // ISO dates have '-' after four digits; a Unix time is digits with at most a sign and one point
        var start = text[0] is (byte)'-' or (byte)'+' ? 1 : 0;
        return start < text.Length && text[start..].IndexOfAnyExcept("0123456789."u8) < 0;
    }

    private static bool TryParseIso(ReadOnlySpan<byte> s, out long instant, out long wall)
    {
        instant = wall = 0;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-'
            || !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        long seconds = 0;
        var p = 10;
        if (p < s.Length)
        {
            if (s[p] is not ((byte)'T' or (byte)' ') || p + 6 > s.Length || s[p + 3] != ':'
                || !Digits(s, p + 1, 2, out var hour) || !Digits(s, p + 4, 2, out var minute) || hour > 23 || minute > 59)
            {
                return false;
            }

            seconds = (hour * 3600L) + (minute * 60L);
            p += 6;
            if (p < s.Length && s[p] == ':')
            {
                if (!Digits(s, p + 1, 2, out var second) || second > 59)
                {
                    return false;
                }

                seconds += second;
                p += 3;
                if (p < s.Length && s[p] is (byte)'.' or (byte)',')
                {
                    // the fraction only has to be digits: the detector works in whole seconds
                    var digits = p + 1 < s.Length ? s[(p + 1)..].IndexOfAnyExcept("0123456789"u8) : 0;
                    var length = digits < 0 ? s.Length - p - 1 : digits;
                    if (length == 0)
                    {
                        return false;
                    }

                    p += 1 + length;
                }
            }
        }

        wall = (DaysFromCivil(year, month, day) * SecondsPerDay) + seconds;
        if (!TryOffset(s[p..], out var offset))
        {
            return false;
        }

        instant = wall - offset;
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<byte> s, out long offset)
    {
        offset = 0;
        if (s.Length == 0 || (s.Length == 1 && s[0] is (byte)'Z' or (byte)'z'))
        {
            return true;
        }

        if (s[0] is not ((byte)'+' or (byte)'-') || !Digits(s, 1, 2, out var hours) || hours > 23)
        {
            return false;
        }

        var minutes = 0;
        var ok = s.Length == 3
            || (s.Length == 6 && s[3] == ':' && Digits(s, 4, 2, out minutes))
            || (s.Length == 5 && Digits(s, 3, 2, out minutes));
        if (!ok || minutes > 59)
        {
            return false;
        }

        offset = ((hours * 3600L) + (minutes * 60L)) * (s[0] == '-' ? -1 : 1);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    // Howard Hinnant's days_from_civil: days since 1970-01-01 of a proleptic Gregorian date
    private static long DaysFromCivil(int year, int month, int day)
    {
        long y = month <= 2 ? year - 1 : year;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yoe = y - (era * 400);
        var doy = (((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5) + day - 1;
        var doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (era * 146_097) + doe - 719_468;
    }
}
