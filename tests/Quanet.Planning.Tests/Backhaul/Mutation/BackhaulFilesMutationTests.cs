using CsCheck;
using Quanet.Planning.Backhaul;
using Quanet.Tests.Shared.Mutation;

namespace Quanet.Planning.Tests.Backhaul.Mutation;

/// <summary>
/// Hostile mutants of the backhaul designer's input files (PoPs, existing fibre) through <see cref="BackhaulFiles"/>:
/// each either reads or refuses with one printable line, within bounded memory and time (issue #16).
/// </summary>
public sealed class BackhaulFilesMutationTests : IDisposable
{
    private const int Iterations = 200;

    private readonly MutantFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Pops_csv_reader_survives_mutants() =>
        Run(b => BackhaulFiles.ReadPops(_files.Write(b, "pops.csv")), "id,lat,lon\nberlin,52.52,13.405\nhamburg,53.55,10.0\nmunich,48.137,11.575\n");

    [Fact]
    public void Existing_fibre_csv_reader_survives_mutants() =>
        Run(b => BackhaulFiles.ReadExistingFibre(_files.Write(b, "fibre.csv")), "from,to\ns1,berlin\ns2,s1\npop-Munich,s3\n");

    private static void Run(Action<byte[]> parse, string seed) =>
        InputMutations.Of(seed).Sample(input => HostileInput.Check(input, parse), iter: Iterations, threads: 1);
}
