using Quanet.Core;
using Quanet.Operations.Anomaly;

namespace Quanet.Operations.Tests.Anomaly;

public sealed class NabCorpusTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "quanet-nab-" + Guid.NewGuid().ToString("N"));

    public NabCorpusTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "data", "demo"));
        Directory.CreateDirectory(Path.Combine(_root, "labels"));
        Directory.CreateDirectory(Path.Combine(_root, "config"));
        var lines = new List<string> { "timestamp,value" };
        for (var i = 0; i < 40; i++)
        {
            lines.Add($"2024-01-01 {i / 12:00}:{i % 12 * 5:00}:00,{(i == 30 ? 50 : 1 + (i % 3))}");
        }

        File.WriteAllLines(Path.Combine(_root, "data", "demo", "one.csv"), lines);
        File.WriteAllText(Path.Combine(_root, "labels", "combined_windows.json"),
            """{ "demo/one.csv": [["2024-01-01 02:00:00.000000", "2024-01-01 02:40:00.000000"]] }""");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Loads_series_windows_and_default_profiles()
    {
        var corpus = NabCorpus.Load(_root);

        var series = Assert.Single(corpus.Series);
        Assert.Equal("demo/one.csv", series.Name);
        Assert.Equal(40, series.Length);
        Assert.Equal(new AnomalyWindow(24, 32), Assert.Single(series.Windows));
        Assert.Equal(["standard", "reward_low_FP_rate", "reward_low_FN_rate"], corpus.Profiles.Select(p => p.Name));
    }

    [Fact]
    public void Reads_cost_matrices_from_profiles_json()
    {
        File.WriteAllText(Path.Combine(_root, "config", "profiles.json"),
            """{ "strict": { "CostMatrix": { "tpWeight": 1.0, "fnWeight": 3.0, "fpWeight": 0.5, "tnWeight": 1.0 } } }""");

        var profile = Assert.Single(NabCorpus.Load(_root).Profiles);

        Assert.Equal(new NabProfile("strict", new NabCostMatrix(1.0, 0.5, 3.0, 1.0)), profile);
    }

    [Fact]
    public void Malformed_csv_names_file_and_line()
    {
        var path = Path.Combine(_root, "data", "demo", "one.csv");
        var lines = File.ReadAllLines(path);
        lines[5] = "2024-01-01 00:20:00,not-a-number";
        File.WriteAllLines(path, lines);

        var ex = Assert.Throws<InputFormatException>(() => NabCorpus.Load(_root));

        Assert.Equal(6, ex.Line);
        Assert.StartsWith(path + ":6: bad value 'not-a-number'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_labels_json_names_the_file()
    {
        var path = Path.Combine(_root, "labels", "combined_windows.json");
        File.WriteAllText(path, "{\n  \"demo/one.csv\": [[\"2024-01-01 02:00:00\"\n");

        var ex = Assert.Throws<InputFormatException>(() => NabCorpus.Load(_root));

        Assert.StartsWith(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("malformed JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Window_on_a_timestamp_missing_from_the_data_is_rejected()
    {
        File.WriteAllText(Path.Combine(_root, "labels", "combined_windows.json"),
            """{ "demo/one.csv": [["2024-01-01 02:01:00", "2024-01-01 02:40:00"]] }""");

        var ex = Assert.Throws<InputFormatException>(() => NabCorpus.Load(_root));

        Assert.Contains("does not start and end on timestamps", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_folder_is_reported()
    {
        var ex = Assert.Throws<DirectoryNotFoundException>(() => NabCorpus.Load(Path.Combine(_root, "nope")));

        Assert.Contains("NAB folder not found", ex.Message, StringComparison.Ordinal);
    }
}
