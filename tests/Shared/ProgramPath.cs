namespace Quanet.Testing;

/// <summary>Host programs a test needs (openssl, gdal_translate, clang, runuser, ...), looked up on PATH.</summary>
internal static class ProgramPath
{
    /// <summary>The full path of <paramref name="program"/> in the first PATH folder that has it, or null.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);
}
