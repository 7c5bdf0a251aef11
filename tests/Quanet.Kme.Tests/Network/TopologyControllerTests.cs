using Quanet.Core;
using Quanet.Kme.Network;

namespace Quanet.Kme.Tests.Network;

/// <summary>The optional <c>"controller"</c> object of a topology file.</summary>
public sealed class TopologyControllerTests : IDisposable
{
    private const string Kmes = "\"kmes\": [{\"id\": \"KME_1\", \"listen\": \"127.0.0.1:9001\", \"saes\": [\"SAE_1\"]}, {\"id\": \"KME_2\", \"listen\": \"127.0.0.1:9002\"}], \"links\": [[\"KME_1\", \"KME_2\"]]";
    private readonly string _folder = Directory.CreateTempSubdirectory("quanet-topology-").FullName;

    [Fact]
    public void Every_KME_is_told_where_the_controller_is_and_which_name_its_certificate_carries()
    {
        var topology = NetworkTopology.Load(Write("{" + Kmes + """, "controller": {"listen": "0.0.0.0:9000", "operators": ["OPS"]}}"""));

        var options = topology.OptionsFor("KME_2", _folder);

        Assert.Equal("CONTROLLER", topology.Controller!.Id);
        Assert.Equal("0.0.0.0:9000", topology.Controller.Listen);
        Assert.Equal(["OPS"], topology.Controller.Operators);
        Assert.Equal("https://127.0.0.1:9000", options.ControllerUrl); // a wildcard listen address is reached on loopback
        Assert.Equal("CONTROLLER", options.ControllerId);
    }

    [Fact]
    public void A_topology_without_a_controller_leaves_the_KMEs_routing_on_their_own()
    {
        var options = NetworkTopology.Load(Write("{" + Kmes + "}")).OptionsFor("KME_1", _folder);

        Assert.Equal("", options.ControllerUrl);
    }

    [Theory]
    [InlineData("\"controller\": \"127.0.0.1:9000\"", "\"controller\" must be an object with a \"listen\" address")]
    [InlineData("\"controller\": {\"listen\": \"here\"}", "controller: listen 'here' is not HOST:PORT")]
    [InlineData("\"controller\": {\"listen\": \"127.0.0.1:9000\", \"id\": \"KME_2\"}", "controller: id 'KME_2' is already a KME or SAE of the topology")]
    [InlineData("\"controller\": {\"listen\": \"127.0.0.1:9000\", \"operators\": \"OPS\"}", "controller: \"operators\" must be an array of certificate names")]
    public void A_malformed_controller_is_refused_with_one_line_naming_the_file(string controller, string reason)
    {
        var path = Write("{" + Kmes + ", " + controller + "}");

        var error = Assert.Throws<InputFormatException>(() => NetworkTopology.Load(path));

        Assert.Equal($"{path}: {reason}", error.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}
