using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Quanet.Core;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Quanet.Kme.Certificates;

/// <summary>
/// A certificate revocation list (PEM or DER) signed by the trusted CA, consulted on every request. The file is
/// read again when it changes (looked at no more than once a second), so revoking a certificate takes effect on
/// connections that are already open. Fails closed: a CRL past its nextUpdate, or a replacement that does not
/// parse or is not signed by the CA, refuses every certificate until a good one is in place.
/// </summary>
internal sealed class RevocationList
{
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(1);
    private readonly string _path;
    private readonly X509Certificate2 _ca;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;
    private DateTime _fileTime;
    private long _fileLength;
    private X509Crl? _crl;

    /// <summary>Loads <paramref name="path"/> and checks that <paramref name="ca"/> signed it.</summary>
    /// <exception cref="QuanetException">The file is missing, malformed or not signed by the CA.</exception>
    public RevocationList(string path, X509Certificate2 ca, TimeProvider time)
    {
        _path = path;
        _ca = ca;
        _time = time;
        _crl = Load() ?? throw new QuanetException($"{path}: not a CRL signed by the trusted CA");
        _checkedAt = time.GetUtcNow();
    }

    /// <summary>True when the certificate with serial <paramref name="serial"/> (as <see cref="SerialOf"/> gives it) may not be used now.</summary>
    public bool IsRevoked(string serial)
    {
        var crl = Current();
        if (crl is null || crl.NextUpdate is { } next && _time.GetUtcNow().UtcDateTime > next.ToUniversalTime())
        {
            return true;
        }

        return crl.GetRevokedCertificate(new BcBigInteger(serial, 16)) is not null;
    }

    /// <summary>The serial number of <paramref name="certificate"/> in the form <see cref="IsRevoked"/> takes.</summary>
    public static string SerialOf(X509Certificate2 certificate) =>
        new BcBigInteger(1, certificate.SerialNumberBytes.ToArray()).ToString(16);

    private X509Crl? Current()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (now - _checkedAt >= RecheckInterval)
            {
                _checkedAt = now;
                var info = new FileInfo(_path);
                if (!info.Exists || info.LastWriteTimeUtc != _fileTime || info.Length != _fileLength)
                {
                    _crl = Load();
                }
            }

            return _crl;
        }
    }

    private X509Crl? Load()
    {
        try
        {
            var info = new FileInfo(_path);
            _fileTime = info.LastWriteTimeUtc;
            _fileLength = info.Length;
            var crl = Parse(File.ReadAllBytes(_path));
            if (crl is null)
            {
                return null;
            }

            crl.Verify(DotNetUtilities.FromX509Certificate(_ca).GetPublicKey());
            return crl;
        }
        catch (Exception ex) when (IsBadFile(ex))
        {
            return null;
        }
    }

    /// <summary>The CRL in <paramref name="content"/> (PEM or DER), or null when it holds none.</summary>
    internal static X509Crl? Parse(byte[] content)
    {
        try
        {
            return new X509CrlParser().ReadCrl(content);
        }
        catch (Exception ex) when (IsBadFile(ex))
        {
            return null;
        }
    }

    // what BouncyCastle throws on a file that is not a well-signed CRL (ASN.1 errors are IOExceptions)
    private static bool IsBadFile(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or GeneralSecurityException or Org.BouncyCastle.Crypto.CryptoException or ArgumentException or InvalidOperationException or InvalidCastException or FormatException;
}
