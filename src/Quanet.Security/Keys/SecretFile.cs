using System.Text;

namespace Quanet.Security.Keys;

/// <summary>
/// Writes files that hold secrets (private keys, at-rest keys) readable and writable by their owner only
/// (mode 0600), from the moment they exist: the content goes to a new file created with that mode, which then
/// replaces the target. A file that existed before, with whatever mode, is replaced, never rewritten in place.
/// </summary>
public static class SecretFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, mode 0600 on Unix.</summary>
    /// <exception cref="IOException">The folder is missing or not writable.</exception>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to <paramref name="path"/>, mode 0600 on Unix.</summary>
    /// <exception cref="IOException">The folder is missing or not writable.</exception>
    public static void WriteText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, Encoding.UTF8.GetBytes(text));
    }
}
