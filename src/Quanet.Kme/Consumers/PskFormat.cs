namespace Quanet.Kme.Consumers;

/// <summary>How a pre-shared key is written for a consumer.</summary>
public enum PskFormat
{
    /// <summary>OpenSSL's <c>-psk HEX -psk_identity KEY_ID</c> arguments (s_server, s_client); key file: hex.</summary>
    OpenSsl,

    /// <summary><c>KEY_ID HEX</c>; key file: hex (strongSwan <c>0x</c>-less secrets, scripts).</summary>
    Hex,

    /// <summary><c>KEY_ID BASE64</c>; key file: base64, what <c>wg set ... preshared-key FILE</c> reads (256-bit keys only).</summary>
    WireGuard,
}
