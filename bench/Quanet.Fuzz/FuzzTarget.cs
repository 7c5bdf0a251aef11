namespace Quanet.Fuzz;

/// <summary>
/// One parser under fuzzing: <see cref="Run"/> hands it the raw input; an input error is the expected way to refuse
/// input, any other exception (or a hang, or exhausting the memory cap) is a finding.
/// </summary>
/// <param name="Name">The name given to <c>bench/fuzz/run.sh</c>.</param>
/// <param name="Description">The parser and the file it reads.</param>
/// <param name="Run">Parses one input.</param>
/// <param name="Seeds">Seed inputs: repository-relative files or folders (a folder contributes its files with
/// <paramref name="Extension"/>), and files under <c>generated/</c> that run.sh makes with the CLI.</param>
/// <param name="Extension">The file extension the parser expects (path-based readers choose their format by it).</param>
/// <param name="Inline">Small inputs written out as seeds, for formats with no file in the repository (made on
/// demand: instrumented code must not run outside afl-fuzz).</param>
internal sealed record FuzzTarget(
    string Name,
    string Description,
    Action<byte[]> Run,
    string[] Seeds,
    string Extension,
    Func<string[]> Inline);
