namespace Quanet.Tests.Shared.Mutation;

/// <summary>
/// A temporary folder for the readers that take a path: each mutant is written to a file of the name the
/// reader expects (path-based readers choose their format by the extension), read, and the folder removed at the end.
/// </summary>
internal sealed class MutantFiles : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-mutants-").FullName;

    /// <summary>Writes <paramref name="input"/> to <paramref name="name"/> in the folder and returns its path.</summary>
    public string Write(byte[] input, string name)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, input);
        return path;
    }

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
