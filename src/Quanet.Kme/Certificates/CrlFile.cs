using Quanet.Core.Text;

namespace Quanet.Kme.Certificates;

/// <summary>Certificate revocation list files as the KME reads them (<c>quanet kme serve --crl</c>, <see cref="Configuration.KmeOptions.CrlFile"/>).</summary>
public static class CrlFile
{
    /// <summary>The largest CRL file read, bytes (16 MiB: a CRL of a hundred thousand revocations is a few MiB).</summary>
    public const int MaxBytes = 16 << 20;

    /// <summary>
    /// What is wrong with <paramref name="path"/> as a CRL file (missing, unreadable, or not a CRL in PEM or DER), or
    /// null when it holds one. Whether the trusted CA signed it is checked when the KME starts.
    /// </summary>
    public static string? Problem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] content;
        try
        {
            content = ReadBounded(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var reason = ex switch
            {
                FileNotFoundException or DirectoryNotFoundException => "file not found",
                UnauthorizedAccessException => "permission denied",
                _ => "cannot be read",
            };
            return $"{Printable.Escape(path)}: {reason}";
        }

        return content.Length > MaxBytes ? $"{Printable.Escape(path)}: larger than {MaxBytes} bytes, the limit for CRL files"
            : RevocationList.Parse(content) is null ? $"{Printable.Escape(path)}: not a certificate revocation list (PEM or DER)"
            : null;
    }

    // at most one byte past the limit, so neither a huge file nor an endless device is read whole
    private static byte[] ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while (copy.Length <= MaxBytes && (read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }
}
