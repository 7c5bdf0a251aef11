using System.Globalization;
using System.Text.Json;
using Quanet.Kme.Client;
using Quanet.Kme.Configuration;
using Quanet.Kme.Control;
using Quanet.Kme.Hosting;
using Quanet.Kme.Network;

namespace Quanet.Kme.Tests.Support;

/// <summary>
/// A network of KMEs KME_1 .. KME_n on 127.0.0.1 with SAE_i attached to KME_i, linked as given: a topology file
/// (free ports) and certificates in a temporary folder, and (with <see cref="StartAsync"/>) every KME running in
/// this process with real mutual TLS between them.
/// </summary>
internal sealed class KmeNetwork : IAsyncDisposable
{
    private readonly Dictionary<string, KmeServer> _servers = new(StringComparer.Ordinal);

    /// <param name="kmes">How many KMEs.</param>
    /// <param name="links">The links, as 1-based KME numbers.</param>
    /// <param name="rateBitsPerSecond">Every link's key rate.</param>
    /// <param name="relayPoolKeys">Every KME's pre-relayed keys per pair (0: none).</param>
    /// <param name="controller">Adds an SDN controller (<see cref="ControllerId"/>, with operator identity <see cref="OperatorId"/>) to the topology.</param>
    public KmeNetwork(int kmes, IEnumerable<(int A, int B)> links, double rateBitsPerSecond = 20_000_000, bool controller = false, int relayPoolKeys = 0)
    {
        Ids = [.. Enumerable.Range(1, kmes).Select(i => "KME_" + i.ToString(CultureInfo.InvariantCulture))];
        Pki = controller
            ? new Pki([.. Ids, ControllerId], [.. Enumerable.Range(1, kmes).Select(Sae), OperatorId])
            : new Pki(Ids, [.. Enumerable.Range(1, kmes).Select(Sae)]);
        var document = new Dictionary<string, object>
        {
            ["kmes"] = Enumerable.Range(1, kmes).Select(i => new { id = Ids[i - 1], listen = "127.0.0.1:" + Ports.Free().ToString(CultureInfo.InvariantCulture), saes = new[] { Sae(i) } }),
            ["links"] = links.Select(l => new[] { Ids[l.A - 1], Ids[l.B - 1] }),
            ["rate_bits_per_second"] = rateBitsPerSecond,
            ["relay_pool_keys"] = relayPoolKeys,
        };
        if (controller)
        {
            document["controller"] = new { id = ControllerId, listen = "127.0.0.1:" + Ports.Free().ToString(CultureInfo.InvariantCulture), operators = new[] { OperatorId } };
        }

        TopologyFile = Path.Combine(Pki.Folder, "topology.json");
        File.WriteAllText(TopologyFile, JsonSerializer.Serialize(document));
        Topology = NetworkTopology.Load(TopologyFile);
    }

    /// <summary>The controller's certificate name when the network has one.</summary>
    public const string ControllerId = "CONTROLLER";

    /// <summary>An operator identity (client certificate) the controller lets read.</summary>
    public const string OperatorId = "OPERATOR";

    public Pki Pki { get; }

    /// <summary>The controller once <see cref="StartControllerAsync"/> ran.</summary>
    public ControllerServer? Controller { get; private set; }

    public IReadOnlyList<string> Ids { get; }

    public string TopologyFile { get; }

    public NetworkTopology Topology { get; }

    public KmeServer this[int kme] => _servers[Ids[kme - 1]];

    public static string Sae(int kme) => "SAE_" + kme.ToString(CultureInfo.InvariantCulture);

    /// <summary>The HTTPS address of KME <paramref name="kme"/> (1-based).</summary>
    public Uri Url(int kme) => new("https://" + Topology.Kmes[kme - 1].Listen);

    /// <summary>The SQLite store of KME <paramref name="kme"/>.</summary>
    public string StorePath(int kme) => Path.Combine(Pki.Folder, Ids[kme - 1] + ".db");

    /// <summary>
    /// The arguments of <c>quanet kme serve</c> for KME <paramref name="kme"/> of this topology: <c>--topology</c> (SQLite
    /// store), or with <paramref name="postgres"/> a <c>--config</c> file of the same settings whose store is that
    /// PostgreSQL database (the topology mode has no store option).
    /// </summary>
    public string[] ServeArguments(int kme, string? postgres = null)
    {
        if (postgres is null)
        {
            return ["kme", "serve", "--topology", TopologyFile, "--kme-id", Ids[kme - 1], "--certs", Pki.Folder];
        }

        var options = Topology.OptionsFor(Ids[kme - 1], Pki.Folder);
        options.Store = new StoreOptions { Kind = "postgresql", ConnectionString = postgres };
        var path = Path.Combine(Pki.Folder, Ids[kme - 1] + "-postgresql.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { Kme = options }));
        return ["kme", "serve", "--config", path];
    }

    /// <summary>
    /// Starts every KME in this process on <paramref name="time"/>; those named in <paramref name="postgres"/> (1-based
    /// KME number to connection string) on a PostgreSQL store, the others on their SQLite file.
    /// </summary>
    public async Task StartAsync(TimeProvider time, IReadOnlyDictionary<int, string>? postgres = null)
    {
        for (var kme = 1; kme <= Ids.Count; kme++)
        {
            var options = Topology.OptionsFor(Ids[kme - 1], Pki.Folder);
            options.MaxKeyCount = 20_000;
            options.Supply.TickMilliseconds = 50;
            if (postgres?.GetValueOrDefault(kme) is { } connectionString)
            {
                options.Store = new StoreOptions { Kind = "postgresql", ConnectionString = connectionString };
            }

            _servers[Ids[kme - 1]] = await KmeServer.StartAsync(options, time);
        }
    }

    /// <summary>Starts the topology's SDN controller in this process.</summary>
    public async Task<ControllerServer> StartControllerAsync(TimeProvider time)
    {
        Controller = await ControllerServer.StartAsync(Topology, Pki.Folder, time);
        return Controller;
    }

    /// <summary>Stops KME <paramref name="kme"/> (1-based) started by <see cref="StartAsync"/>: its port closes, its peers see it gone.</summary>
    public async Task StopAsync(int kme)
    {
        if (_servers.Remove(Ids[kme - 1], out var server))
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>An SAE client of SAE_<paramref name="kme"/> talking to its own KME.</summary>
    public KmeClient Client(int kme) => new(Url(kme), Pki.Identity(Sae(kme)), Pki.Ca);

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers.Values)
        {
            await server.DisposeAsync();
        }

        if (Controller is not null)
        {
            await Controller.DisposeAsync();
        }

        Pki.Dispose();
    }
}
