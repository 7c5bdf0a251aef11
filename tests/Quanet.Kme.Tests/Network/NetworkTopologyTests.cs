using Quanet.Core;
using Quanet.Kme.Network;

namespace Quanet.Kme.Tests.Network;

public sealed class NetworkTopologyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("quanet-topology-").FullName;

    [Fact]
    public void The_middle_KME_of_a_chain_gets_both_links_every_SAE_and_all_network_links()
    {
        var topology = NetworkTopology.Load(Write("""
            {"kmes": [{"id": "KME_1", "listen": "127.0.0.1:9001", "saes": ["SAE_1"]},
                      {"id": "KME_2", "listen": "0.0.0.0:9002"},
                      {"id": "KME_3", "listen": "127.0.0.1:9003", "saes": ["SAE_3"]}],
             "links": [["KME_1", "KME_2"], ["KME_2", "KME_3"]], "rate_bits_per_second": 5000, "relay_pool_keys": 500}
            """));

        var options = topology.OptionsFor("KME_2", _folder);

        Assert.Equal(["KME_1", "KME_3"], options.Links.Select(l => l.PeerKmeId));
        Assert.Equal(["https://127.0.0.1:9001", "https://127.0.0.1:9003"], options.Links.Select(l => l.PeerUrl));
        Assert.Equal(["SAE_1@KME_1", "SAE_3@KME_3"], options.Saes.Select(s => s.Id + "@" + s.Kme).Order());
        Assert.Equal(2, options.NetworkLinks.Count);
        Assert.Equal(5000, options.Supply.RateBitsPerSecond);
        Assert.Equal(500, options.RelayPoolKeys);
        Assert.Equal("0.0.0.0:9002", options.Listen);
    }

    [Theory]
    [InlineData("""{"kmes": [{"id": "KME_1", "listen": "127.0.0.1:1"}], "links": [["KME_1", "KME_9"]]}""", "link [\"KME_1\", \"KME_9\"] is not a pair of two different KMEs of \"kmes\"")]
    [InlineData("""{"kmes": [{"id": "KME_1", "listen": "nowhere"}], "links": []}""", "KME 'KME_1': listen 'nowhere' is not HOST:PORT")]
    [InlineData("""{"kmes": [{"id": "KME_1", "listen": "127.0.0.1:1", "saes": ["S"]}, {"id": "KME_2", "listen": "127.0.0.1:2", "saes": ["S"]}], "links": []}""", "KME 'KME_2': SAE 'S' is empty, not a string, or attached to two KMEs")]
    [InlineData("""{"kmes": []}""", "expected an object with arrays \"kmes\" and \"links\"")]
    [InlineData("""{"kmes": [{"id": "KME_1", "listen": "127.0.0.1:1"}], "links": [], "relay_pool_keys": -1}""", "\"relay_pool_keys\" must be a non-negative integer")]
    public void A_malformed_topology_is_refused_with_one_line_naming_the_file(string json, string reason)
    {
        var path = Write(json);

        var error = Assert.Throws<InputFormatException>(() => NetworkTopology.Load(path));

        Assert.Equal($"{path}: {reason}", error.Message);
    }

    [Fact]
    public void A_KME_not_in_the_topology_is_refused()
    {
        var topology = NetworkTopology.Load(Write("""{"kmes": [{"id": "KME_1", "listen": "127.0.0.1:1"}], "links": []}"""));

        var error = Assert.Throws<QuanetException>(() => topology.OptionsFor("KME_7", _folder));

        Assert.Equal("KME 'KME_7' is not in the topology (it has KME_1)", error.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}
