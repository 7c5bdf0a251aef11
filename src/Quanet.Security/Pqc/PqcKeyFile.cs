using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Quanet.Core;
using Quanet.Security.Keys;

namespace Quanet.Security.Pqc;

/// <summary>Encodes and decodes ML-KEM / ML-DSA keys as PEM, DER (SPKI / PKCS#8) or raw bytes.</summary>
public static class PqcKeyFile
{
    private const string PublicLabel = "PUBLIC KEY";
    private const string PrivateLabel = "PRIVATE KEY";

    /// <summary>Encodes <paramref name="key"/> in <paramref name="format"/>.</summary>
    public static byte[] Encode(PqcKey key, PqcKeyFormat format)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (format == PqcKeyFormat.Raw)
        {
            return key.Raw;
        }

        var der = key.Kind switch
        {
            PqcKeyKind.MlKemPublic => SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(MLKemPublicKeyParameters.FromEncoding(key.KemSet.ToBouncyCastle(), key.Raw)).GetEncoded(),
            PqcKeyKind.MlDsaPublic => SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(MLDsaPublicKeyParameters.FromEncoding(key.DsaSet.ToBouncyCastle(), key.Raw)).GetEncoded(),
            PqcKeyKind.MlKemPrivate => PrivateKeyInfoFactory.CreatePrivateKeyInfo(MLKemPrivateKeyParameters.FromEncoding(key.KemSet.ToBouncyCastle(), key.Raw).WithPreferredFormat(MLKemPrivateKeyParameters.Format.EncodingOnly)).GetEncoded(),
            PqcKeyKind.MlDsaPrivate => PrivateKeyInfoFactory.CreatePrivateKeyInfo(MLDsaPrivateKeyParameters.FromEncoding(key.DsaSet.ToBouncyCastle(), key.Raw).WithPreferredFormat(MLDsaPrivateKeyParameters.Format.EncodingOnly)).GetEncoded(),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key.Kind, "unknown key kind"),
        };
        if (format == PqcKeyFormat.Der)
        {
            return der;
        }

        var label = key.Kind is PqcKeyKind.MlKemPublic or PqcKeyKind.MlDsaPublic ? PublicLabel : PrivateLabel;
        var pem = new StringBuilder();
        pem.Append("-----BEGIN ").Append(label).Append("-----\n");
        var base64 = Convert.ToBase64String(der);
        for (var i = 0; i < base64.Length; i += 64)
        {
            pem.Append(base64.AsSpan(i, Math.Min(64, base64.Length - i))).Append('\n');
        }

        pem.Append("-----END ").Append(label).Append("-----\n");
        return Encoding.ASCII.GetBytes(pem.ToString());
    }

    /// <summary>
    /// Writes <paramref name="key"/> to <paramref name="path"/> in <paramref name="format"/>; a private key file is
    /// created readable by its owner only (mode 0600, <see cref="SecretFile"/>), a public one with the default mode.
    /// </summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(string path, PqcKey key, PqcKeyFormat format)
    {
        ArgumentNullException.ThrowIfNull(key);
        var content = Encode(key, format);
        if (key.Kind is PqcKeyKind.MlKemPrivate or PqcKeyKind.MlDsaPrivate)
        {
            SecretFile.Write(path, content);
        }
        else
        {
            File.WriteAllBytes(path, content);
        }
    }

    /// <summary>Decodes a key file, detecting PEM, DER or raw.</summary>
    /// <param name="content">The file content.</param>
    /// <param name="fileName">The file name, for error messages.</param>
    /// <exception cref="InputFormatException">Not a valid ML-KEM / ML-DSA key in any supported format.</exception>
    public static PqcKey Decode(ReadOnlySpan<byte> content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        // A raw key is random bytes, so its first byte is '-' one time in 256: as with DER below, a leading
        // byte only means PEM when the length is not a raw key's (or the "-----BEGIN " line is there).
        if (content.StartsWith("-----BEGIN "u8) || (content.Length > 0 && content[0] == (byte)'-' && RawKind(content.Length) is null))
        {
            var (label, der) = ParsePem(Encoding.ASCII.GetString(content), fileName);
            return FromDer(der, label == PublicLabel, fileName);
        }

        if (content.Length > 0 && content[0] == 0x30 && RawKind(content.Length) is null)
        {
            return FromDer(content.ToArray(), isPublic: null, fileName);
        }

        return FromRaw(content.ToArray(), fileName);
    }

    private static (string Label, byte[] Der) ParsePem(string text, string fileName)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries);
        var begin = Array.FindIndex(lines, l => l.StartsWith("-----BEGIN ", StringComparison.Ordinal));
        if (begin < 0)
        {
            throw new InputFormatException(fileName, 1, "expected a PEM '-----BEGIN ...-----' line");
        }

        var label = lines[begin]["-----BEGIN ".Length..].TrimEnd('-');
        if (label is not (PublicLabel or PrivateLabel))
        {
            throw new InputFormatException(fileName, begin + 1, $"expected PEM label PUBLIC KEY or PRIVATE KEY, found '{label}'");
        }

        var end = Array.FindIndex(lines, begin + 1, l => l.StartsWith("-----END ", StringComparison.Ordinal));
        if (end < 0)
        {
            throw new InputFormatException(fileName, lines.Length, $"missing '-----END {label}-----'");
        }

        try
        {
            return (label, Convert.FromBase64String(string.Concat(lines[(begin + 1)..end])));
        }
        catch (FormatException)
        {
            throw new InputFormatException(fileName, begin + 2, "PEM body is not valid base64");
        }
    }

    private static PqcKey FromDer(byte[] der, bool? isPublic, string fileName)
    {
        AsymmetricKeyParameter key;
        try
        {
            key = isPublic switch
            {
                true => PublicKeyFactory.CreateKey(der),
                false => PrivateKeyFactory.CreateKey(der),
                null => TryPrivateThenPublic(der),
            };
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidOperationException or SecurityUtilityException or InvalidCastException or Org.BouncyCastle.Asn1.Asn1ParsingException)
        {
            throw new InputFormatException(fileName, 0, $"not a valid DER key: {ex.Message}");
        }

        return key switch
        {
            MLKemPublicKeyParameters k => new PqcKey(PqcKeyKind.MlKemPublic, k.Parameters.Name, k.GetEncoded()),
            MLKemPrivateKeyParameters k => new PqcKey(PqcKeyKind.MlKemPrivate, k.Parameters.Name, k.WithPreferredFormat(MLKemPrivateKeyParameters.Format.EncodingOnly).GetEncoded()),
            MLDsaPublicKeyParameters k => new PqcKey(PqcKeyKind.MlDsaPublic, k.Parameters.Name, k.GetEncoded()),
            MLDsaPrivateKeyParameters k => new PqcKey(PqcKeyKind.MlDsaPrivate, k.Parameters.Name, k.WithPreferredFormat(MLDsaPrivateKeyParameters.Format.EncodingOnly).GetEncoded()),
            _ => throw new InputFormatException(fileName, 0, $"holds a {key.GetType().Name.Replace("KeyParameters", string.Empty, StringComparison.Ordinal)} key, not ML-KEM or ML-DSA"),
        };
    }

    private static AsymmetricKeyParameter TryPrivateThenPublic(byte[] der)
    {
        try
        {
            return PrivateKeyFactory.CreateKey(der);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidOperationException or SecurityUtilityException or InvalidCastException)
        {
            return PublicKeyFactory.CreateKey(der);
        }
    }

    private static PqcKey FromRaw(byte[] raw, string fileName)
    {
        var kind = RawKind(raw.Length)
            ?? throw new InputFormatException(fileName, 0, $"{raw.Length} bytes is neither PEM, DER nor a raw ML-KEM / ML-DSA key length");
        var key = new PqcKey(kind.Kind, kind.Set, raw);
        try
        {
            switch (key.Kind)
            {
                case PqcKeyKind.MlKemPublic:
                    MlKem.CheckEncapsulationKey(key.KemSet, raw);
                    break;
                case PqcKeyKind.MlKemPrivate:
                    MlKem.CheckDecapsulationKey(key.KemSet, raw);
                    break;
                case PqcKeyKind.MlDsaPrivate:
                    MlDsa.PublicKeyOf(key.DsaSet, raw);
                    break;
                default:
                    break;
            }
        }
        catch (PqcKeyException ex)
        {
            throw new InputFormatException(fileName, 0, ex.Message);
        }

        return key;
    }

    private static (PqcKeyKind Kind, string Set)? RawKind(int length) => length switch
    {
        800 => (PqcKeyKind.MlKemPublic, "ML-KEM-512"),
        1184 => (PqcKeyKind.MlKemPublic, "ML-KEM-768"),
        1568 => (PqcKeyKind.MlKemPublic, "ML-KEM-1024"),
        1632 => (PqcKeyKind.MlKemPrivate, "ML-KEM-512"),
        2400 => (PqcKeyKind.MlKemPrivate, "ML-KEM-768"),
        3168 => (PqcKeyKind.MlKemPrivate, "ML-KEM-1024"),
        1312 => (PqcKeyKind.MlDsaPublic, "ML-DSA-44"),
        1952 => (PqcKeyKind.MlDsaPublic, "ML-DSA-65"),
        2592 => (PqcKeyKind.MlDsaPublic, "ML-DSA-87"),
        2560 => (PqcKeyKind.MlDsaPrivate, "ML-DSA-44"),
        4032 => (PqcKeyKind.MlDsaPrivate, "ML-DSA-65"),
        4896 => (PqcKeyKind.MlDsaPrivate, "ML-DSA-87"),
        _ => null,
    };
}
