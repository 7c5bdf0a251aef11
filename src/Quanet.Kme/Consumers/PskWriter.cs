using Quanet.Core;

namespace Quanet.Kme.Consumers;

/// <summary>The one writer of pre-shared keys for consumers: a line for a script, or a key file's content.</summary>
public static class PskWriter
{
    /// <summary>WireGuard's preshared key is exactly 32 bytes.</summary>
    public const int WireGuardBytes = 32;

    /// <summary>The line printed for a script, with the material.</summary>
    /// <exception cref="QuanetException">A WireGuard key that is not 256 bits.</exception>
    public static string Line(PreSharedKey psk, PskFormat format)
    {
        ArgumentNullException.ThrowIfNull(psk);
        return format switch
        {
            PskFormat.OpenSsl => $"-psk {Hex(psk)} -psk_identity {psk.KeyId}",
            PskFormat.Hex => $"{psk.KeyId} {Hex(psk)}",
            _ => $"{psk.KeyId} {WireGuard(psk)}",
        };
    }

    /// <summary>The content of a key file: hex (OpenSSL, hex) or base64 (WireGuard), one line.</summary>
    /// <exception cref="QuanetException">A WireGuard key that is not 256 bits.</exception>
    public static string KeyFile(PreSharedKey psk, PskFormat format)
    {
        ArgumentNullException.ThrowIfNull(psk);
        return (format == PskFormat.WireGuard ? WireGuard(psk) : Hex(psk)) + "\n";
    }

    private static string Hex(PreSharedKey psk) => Convert.ToHexStringLower(psk.Key);

    private static string WireGuard(PreSharedKey psk) => psk.Key.Length == WireGuardBytes
        ? Convert.ToBase64String(psk.Key)
        : throw new QuanetException($"key {psk.KeyId}: WireGuard needs a 256-bit preshared key, got {psk.Key.Length * 8} bits");
}
