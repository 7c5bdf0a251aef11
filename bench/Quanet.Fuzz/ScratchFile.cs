namespace Quanet.Fuzz;

/// <summary>The one file path-based readers read: the input is written there before each run.</summary>
internal static class ScratchFile
{
    private static readonly string Directory = System.IO.Directory.CreateTempSubdirectory("quanet-fuzz-").FullName;

    /// <summary>Writes <paramref name="input"/> to a file named <paramref name="name"/> and returns its path.</summary>
    public static string Write(byte[] input, string name)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, input);
        return path;
    }

    /// <summary>Writes <paramref name="input"/> as <paramref name="name"/> in a fresh folder and returns the folder.</summary>
    public static string WriteInFolder(byte[] input, string name)
    {
        var folder = Path.Combine(Directory, "dir");
        System.IO.Directory.CreateDirectory(folder);
        foreach (var file in System.IO.Directory.GetFiles(folder))
        {
            File.Delete(file);
        }

        File.WriteAllBytes(Path.Combine(folder, name), input);
        return folder;
    }
}
