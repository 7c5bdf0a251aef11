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

    [Fact]
    public void A_KME_of_a_relay_network_may_keep_its_state_in_PostgreSQL()
    {
        var options = KmeDefaults.Local("KME_1", _dir, ["SAE_1"], "127.0.0.1:8443");
        options.Links.Add(new LinkOptions { PeerKmeId = "KME_2", PeerUrl = "https://127.0.0.1:8444" });
        options.NetworkLinks.Add(["KME_1", "KME_2"]);
        options.NetworkLinks.Add(["KME_2", "KME_3"]);
        options.Saes.Add(new SaeEntry { Id = "SAE_3", Kme = "KME_3" });
        options.Store = new StoreOptions { Kind = "postgresql", ConnectionString = "Host=127.0.0.1;Database=kme_1;Username=kme" };

        var problem = Record.Exception(() => KmeOptionsLoader.Validate(options, "kme.json"));

        Assert.Null(problem);
    }
}
