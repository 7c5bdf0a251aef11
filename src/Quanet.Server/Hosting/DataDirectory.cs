namespace Quanet.Server.Hosting;

/// <summary>The server's data directory: created on first start, readable by its owner only.</summary>
internal static class DataDirectory
{
    public static void Create(string path)
    {
        var info = Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
        {
            info.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        }
    }
}
