using Quanet.Core;
using Quanet.Kme.Configuration;

namespace Quanet.Kme.Tests.Configuration;

/// <summary>Hostile settings files found by fuzzing the loader (bench/fuzz, target kme-config): input errors, never a null reference.</summary>
public sealed class KmeOptionsLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-kme-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("""{"Kme":{"Supply":null}}""", "Supply must not be null")]
    [InlineData("""{"Kme":{"Saes":null,"Store":null}}""", "Saes, Store must not be null")]
    [InlineData("""{"Kme":{"Saes":[null]}}""", "an entry of Saes must not be null")]
    [InlineData("""{"Kme":5}""", "Kme: a value of the wrong type")]
    [InlineData("""{"Kme":{"Saes":7}}""", "Kme.Saes: a value of the wrong type")]
    public void A_null_or_mistyped_section_is_an_input_error_naming_it(string json, string reason)
    {
        var path = Path.Combine(_dir, "kme.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<InputFormatException>(() => KmeOptionsLoader.Load(path));

        Assert.EndsWith(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Quanet.Kme.Configuration", error.Message, StringComparison.Ordinal);
    }
}
