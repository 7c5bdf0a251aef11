using System.Globalization;

namespace Quanet.Benchmarks.Steiner.Peers;

/// <summary>Options of the <c>pace-peers</c> suite (see <see cref="PacePeersSuite"/>).</summary>
internal sealed class PacePeersOptions
{
    public string Dir { get; private set; } = Path.Combine(PaceSuite.FindShared(), "benchmarks", "steiner", "pace2018-track1-public");
    public string? Optima { get; private set; }
    public string Parity { get; private set; } = "all";
    public HashSet<string>? Only { get; private set; }
    public string? From { get; private set; }
    public int Limit { get; private set; } = int.MaxValue;
    public double Seconds { get; private set; } = 30;
    public double Grace { get; private set; } = 2;
    public int? Core { get; private set; }
    public (int Index, int Count) Shard { get; private set; } = (0, 1);
    public string? Quanet { get; private set; }
    public string? QuanetBatch { get; private set; }
    public string? QuanetNative { get; private set; }
    public string? ScipJack { get; private set; }
    public string? Winner { get; private set; }
    public string? Csv { get; private set; }
    public List<string> Merge { get; } = [];
    private int _passed;
    private int _selected;

    public static PacePeersOptions? Parse(string[] args, out string error)
    {
        var o = new PacePeersOptions();
        error = "";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var v = args[i + 1];
            switch (args[i])
            {
                case "--dir": o.Dir = v; break;
                case "--optima": o.Optima = v; break;
                case "--parity": o.Parity = v; break;
                case "--only": o.Only = [.. v.Split(',')]; break;
                case "--from": o.From = v; break;
                case "--limit": o.Limit = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--time": o.Seconds = double.Parse(v, CultureInfo.InvariantCulture); break;
                case "--grace": o.Grace = double.Parse(v, CultureInfo.InvariantCulture); break;
                case "--core": o.Core = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--shard":
                    var s = v.Split('/');
                    o.Shard = (int.Parse(s[0], CultureInfo.InvariantCulture), int.Parse(s[1], CultureInfo.InvariantCulture));
                    break;
                case "--quanet": o.Quanet = v; break;
                case "--quanet-batch": o.QuanetBatch = v; break;
                case "--quanet-native": o.QuanetNative = v; break;
                case "--scip-jack": o.ScipJack = v; break;
                case "--winner": o.Winner = v; break;
                case "--csv": o.Csv = v; break;
                case "--merge": o.Merge.AddRange(v.Split(',')); break;
                default: error = $"pace-peers: unknown option {args[i]}"; return null;
            }
        }

        if (o.Merge.Count == 0 && o.Quanet is null && o.QuanetBatch is null && o.QuanetNative is null && o.ScipJack is null && o.Winner is null)
        {
            error = "pace-peers: give at least one of --quanet, --quanet-batch, --quanet-native, --scip-jack, --winner (paths of the executables)";
            return null;
        }

        return o;
    }

    /// <summary>True when the instance <paramref name="name"/> (files are offered in name order) is in this run: it passes
    /// the filters, and among the instances that do, its position falls in this shard.</summary>
    public bool Selects(string name)
    {
        var number = int.TryParse(name.AsSpan(Math.Max(0, name.Length - 3)), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;
        var parityOk = Parity switch { "odd" => number % 2 == 1, "even" => number >= 0 && number % 2 == 0, _ => true };
        if (!parityOk || (Only != null && !Only.Contains(name)) || (From != null && string.CompareOrdinal(name, From) < 0))
        {
            return false;
        }

        var mine = _passed++ % Shard.Count == Shard.Index && _selected < Limit;
        _selected += mine ? 1 : 0;
        return mine;
    }
}
