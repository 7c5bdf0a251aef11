using System.Text;
using CsCheck;

namespace Quanet.Tests.Shared.Mutation;

/// <summary>
/// Generators of hostile inputs grown from valid seed files: truncation, bit flips, huge and
/// non-finite numbers, deep nesting, wrong encodings and binary noise, one to three at a time.
/// Shared by the mutation suites of every library's test project (linked, not referenced).
/// </summary>
internal static class InputMutations
{
    // numbers that overflow an int, a long or a double, that are not finite, or that are absurdly long
    private static readonly string[] HostileNumbers =
    [
        "2147483647", "2147483648", "-2147483648", "2000000000", "4294967296", "9223372036854775807",
        "99999999999999999999", "1e309", "-1e309", "1e-400", "NaN", "Infinity", "-Infinity", "-0", "0", "-1",
        "1" + new string('0', 10_000), "0." + new string('9', 5_000), "1e2147483647",
    ];

    private static readonly string[] Nestings = ["[", "{\"a\":", "[{\"b\":"];

    /// <summary>Mutants of <paramref name="seeds"/> (given as text, taken as UTF-8).</summary>
    public static Gen<byte[]> Of(params string[] seeds) => Of(seeds.Select(Encoding.UTF8.GetBytes).ToArray());

    /// <summary>Mutants of binary <paramref name="seedBytes"/> (DER, raw keys).</summary>
    public static Gen<byte[]> Of(params byte[][] seedBytes)
    {
        var seed = Gen.Int[0, seedBytes.Length - 1].Select(i => seedBytes[i]);
        return seed.SelectMany(bytes => Gen.Int[1, 3].SelectMany(count => Chain(bytes, count)));
    }

    /// <summary>The largest mutant: enough to overflow every buffer that matters, small enough to keep the suite fast.</summary>
    public const int MaxLength = 256 << 10;

    private static Gen<byte[]> Chain(byte[] input, int count) =>
        count == 0 ? Gen.Const(input) : Mutate(input).SelectMany(next => Chain(next.Length > MaxLength ? next[..MaxLength] : next, count - 1));

    private static Gen<byte[]> Mutate(byte[] input) => Gen.OneOf(
        Truncate(input),
        FlipBits(input),
        HugeNumber(input),
        HugeNumber(input),
        Nest(input),
        WrongEncoding(input),
        Noise(input),
        RepeatLine(input));

    private static Gen<byte[]> Truncate(byte[] input) =>
        Gen.Int[0, input.Length].Select(n => input[..n]);

    private static Gen<byte[]> FlipBits(byte[] input) =>
        input.Length == 0
            ? Gen.Const(input)
            : Gen.Select(Gen.Int[0, input.Length - 1], Gen.Int[0, 7]).Array[1, 8].Select(flips =>
            {
                var copy = (byte[])input.Clone();
                foreach (var (at, bit) in flips)
                {
                    copy[at] ^= (byte)(1 << bit);
                }

                return copy;
            });

    // replaces one run of digits (or, in a text without digits, one position) by a hostile number
    private static Gen<byte[]> HugeNumber(byte[] input) =>
        Gen.Select(Gen.Int[0, HostileNumbers.Length - 1], Gen.Int[0, Math.Max(0, input.Length - 1)], (which, at) =>
        {
            var start = at;
            while (start < input.Length && !IsDigit(input[start]))
            {
                start++;
            }

            if (start >= input.Length)
            {
                start = Math.Min(at, input.Length);
            }

            var end = start;
            while (end < input.Length && (IsDigit(input[end]) || input[end] is (byte)'.' or (byte)'e' or (byte)'E' or (byte)'-'))
            {
                end++;
            }

            return (byte[])[.. input[..start], .. Encoding.ASCII.GetBytes(HostileNumbers[which]), .. input[end..]];
        });

    private static Gen<byte[]> Nest(byte[] input) =>
        Gen.Select(Gen.Int[0, input.Length], Gen.Int[0, Nestings.Length - 1], Gen.Int[50, 5_000], (at, which, depth) =>
        {
            var open = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(Nestings[which], depth)));
            return (byte[])[.. input[..at], .. open, .. input[at..]];
        });

    private static Gen<byte[]> WrongEncoding(byte[] input) =>
        Gen.Int[0, 3].Select(kind =>
        {
            var text = Encoding.UTF8.GetString(input);
            return kind switch
            {
                0 => Encoding.Unicode.GetBytes(text),
                1 => Encoding.BigEndianUnicode.GetBytes(text),
                2 => [0xFF, 0xFE, .. Encoding.Latin1.GetBytes(text)],
                _ => [.. input, 0xC3, 0x28, 0xED, 0xA0, 0x80, 0xF8, 0x88, 0x80, 0x80, 0x80],
            };
        });

    // random bytes, escape sequences among them, written over or into the input
    private static Gen<byte[]> Noise(byte[] input) =>
        Gen.Select(Gen.Int[0, input.Length], Gen.Byte.Array[1, 64], Gen.Bool, Gen.Bool, (at, noise, overwrite, escape) =>
        {
            byte[] bytes = escape ? [0x1B, (byte)'[', (byte)'2', (byte)'J', .. noise, 0x9B, 0x07, 0x7F] : noise;
            var end = overwrite ? Math.Min(input.Length, at + bytes.Length) : at;
            return (byte[])[.. input[..at], .. bytes, .. input[end..]];
        });

    private static Gen<byte[]> RepeatLine(byte[] input) =>
        Gen.Select(Gen.Int[0, input.Length], Gen.Int[2, 2_000], (at, times) =>
        {
            var start = Array.LastIndexOf(input, (byte)'\n', Math.Max(0, at - 1)) + 1;
            var end = Array.IndexOf(input, (byte)'\n', Math.Min(at, input.Length));
            end = end < 0 ? input.Length : end + 1;
            var line = input[Math.Min(start, end)..end];
            times = Math.Min(times, MaxLength / Math.Max(1, line.Length));
            var repeated = new byte[line.Length * times];
            for (var k = 0; k < times; k++)
            {
                line.CopyTo(repeated, k * line.Length);
            }

            return (byte[])[.. input[..end], .. repeated, .. input[end..]];
        });

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
}
