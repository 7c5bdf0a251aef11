using System.Globalization;

namespace Quanet.Kme.Storage;

/// <summary>
/// What both stores record of a relay the same way: the one-time pad, the associated data that binds a sealed
/// hop ciphertext or pre-relayed key to its identity, and pad block lists as audit text.
/// </summary>
internal static class RelayRecords
{
    /// <summary>Role of the first KME of a relay in the relay audit trail.</summary>
    public const string First = "first";

    /// <summary>Role of a KME between the first and the last.</summary>
    public const string Transit = "transit";

    /// <summary>Role of the last KME, where the keys wait for the slaves.</summary>
    public const string Last = "last";

    /// <summary>Prefix of the <c>link</c> column of keys a relay brought from the KME that follows it.</summary>
    public const string KeyLinkPrefix = "relay:";

    /// <summary><paramref name="data"/> XOR <paramref name="pad"/> (the pad at least as long) in a new array.</summary>
    public static byte[] Xor(byte[] data, byte[] pad)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pad.Length, data.Length, nameof(pad));
        var result = new byte[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            result[i] = (byte)(data[i] ^ pad[i]);
        }

        return result;
    }

    /// <summary>Associated data of the sealed ciphertext of the hop of <paramref name="relayId"/> to <paramref name="next"/>.</summary>
    public static string HopAad(string relayId, string next) => $"hop|{relayId}|{next}";

    /// <summary>Associated data of a sealed key in the pre-relayed pool.</summary>
    public static string PoolKeyAad(string keyId) => $"relay-pool|{keyId}";

    /// <summary>Block indices as comma-separated text (audit rows).</summary>
    public static string JoinIndices(IReadOnlyList<long> indices) => string.Join(',', indices.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The inverse of <see cref="JoinIndices"/>.</summary>
    public static long[] SplitIndices(string text) => text.Length == 0 ? [] : [.. text.Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture))];
}
