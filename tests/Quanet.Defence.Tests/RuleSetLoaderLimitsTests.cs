using System.Text;
using Quanet.Core;
using Quanet.Core.Text;
using Quanet.Defence.Rules;
using Quanet.Defence.Simulation;

namespace Quanet.Defence.Tests;

/// <summary>Hostile rule files (#16 defects 2 and 9): each must fail fast with one line naming the file and the limit.</summary>
public sealed class RuleSetLoaderLimitsTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-rules-limits-").FullName;

    [Fact]
    public async Task Alias_bomb_is_refused_quickly_naming_the_file_and_the_limit()
    {
        var path = Write("bomb.yaml", AliasBomb(levels: 9, aliases: 9));

        var ex = await LoadWithinAsync(Bound, path);

        Assert.StartsWith($"{path}:", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"{RuleSetLoader.MaxYamlNodes} nodes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alias_inside_the_node_it_names_is_refused_instead_of_overflowing_the_stack()
    {
        // found by bench/fuzz rules-yaml: the cycle recursed until the stack overflowed and killed the process
        var path = Write("cycle.yaml", "rules:\n  - &r\n    id: a\n    kind: bgp\n    evidence: *r\n");

        var ex = await LoadWithinAsync(Bound, path);

        Assert.StartsWith($"{path}:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("an alias refers to a node that contains it", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    // found by bench/fuzz rules-yaml (AFL++, 2026-12-05): two mappings used as keys ("? ...") that print alike made the
    // YAML-to-JSON step throw ArgumentException (duplicate key); a "!!" tag that is not a URI made YamlDotNet's parser
    // throw ArgumentException; both reached the caller as "internal error"
    [InlineData("JnIKIBUgIGlkOiBhIGEKICBraW7/gCBWaWdoCiA/ICBjb25maWRlbmNlOgABLjkbICAtICBiYXSbb246QngKICAgIHNldmVyaXR5OiBWaWdoCiA/ICBjb25maWRlbmNlOgABLjkbICAtICZyCg==", "keys must be plain values")]
    [InlineData("ISF1XWVzMgogIABbW1tbWy3O", "not valid YAML: ")]
    public void Fuzzed_files_are_input_errors_in_one_line(string base64, string reason)
    {
        var path = Path.Combine(_dir, "fuzzed.yaml");
        File.WriteAllBytes(path, Convert.FromBase64String(base64));

        var ex = Assert.Throws<InputFormatException>(() => RuleSetLoader.Load(path));

        Assert.StartsWith($"{path}:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.True(Printable.IsClean(ex.Message), ex.Message);
    }

    [Fact]
    public void A_key_given_twice_in_one_mapping_is_named()
    {
        var path = Write("twice.yaml", "rules:\n  - id: a\n    kind: bgp\n    id: b\n");

        var ex = Assert.Throws<InputFormatException>(() => RuleSetLoader.Load(path));

        // YAML keys are unique (YAML 1.2, 3.2.1.1); YamlDotNet kept the last one silently before
        Assert.StartsWith($"{path}:2: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("duplicate key id", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void Nesting_past_the_limit_is_refused_on_a_small_stack_instead_of_killing_the_process(string open, string close)
    {
        // found by the rules-yaml mutation suite: 64 nested lists passed the parser's limit check inside YamlDotNet's
        // recursive deserializer, whose exception wrapping at every level overflowed a thread's 1 MiB stack
        var path = Write("deep.yaml", $"rules: {string.Concat(Enumerable.Repeat(open, 64))}x{string.Concat(Enumerable.Repeat(close, 64))}\n");
        Exception? thrown = null;
        var thread = new Thread(() => thrown = Record.Exception(() => RuleSetLoader.Load(path)), maxStackSize: 1 << 20);

        thread.Start();

        Assert.True(thread.Join(Bound));
        var ex = Assert.IsType<InputFormatException>(thrown);
        Assert.Equal($"{path}:1: nesting deeper than {RuleSetLoader.MaxYamlDepth} levels, the limit for rule files", ex.Message);
    }

    [Fact]
    public void Nesting_within_the_limit_still_reads()
    {
        var path = Write("nested.yaml", $"deep: {new string('[', RuleSetLoader.MaxYamlDepth - 1)}{new string(']', RuleSetLoader.MaxYamlDepth - 1)}\nrules: []\n");

        Assert.Empty(RuleSetLoader.Load(path).Rules);
    }

    [Fact]
    public void Aliases_within_the_limit_still_load()
    {
        var path = Write("shared.yaml", """
            ops: &ops [updateLocation, updateGprsLocation]
            rules:
              - id: CAT1
                kind: signalling-category1
                explanation: e
                params: { operations: *ops }
              - id: CAT2
                kind: signalling-category2
                explanation: e
                params: { operations: *ops }
            """);

        var rules = RuleSetLoader.Load(path).Rules;

        Assert.Equal(2, rules.Count);
        Assert.All(rules, r => Assert.Equal(2, r.Parameters.GetProperty("operations").GetArrayLength()));
    }

    [Fact]
    public async Task Hot_reload_refuses_an_alias_bomb_and_keeps_the_rules()
    {
        var path = Write("rules.yaml", "rules:\n  - {id: A, kind: flow-scan, explanation: a}\n");
        var engine = new DetectionEngine(DefenceScenario.Inventory(), RuleSetLoader.Load(path));
        using var watcher = new RuleSetWatcher(path, engine);
        File.WriteAllText(path, AliasBomb(levels: 9, aliases: 9));

        var reloaded = await Task.Run(() => watcher.TryReload(force: true)).WaitAsync(Bound);

        Assert.False(reloaded);
        Assert.Equal("A", Assert.Single(engine.Rules.Rules).Id);
        Assert.Contains($"{RuleSetLoader.MaxYamlNodes} nodes", watcher.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("json")]
    public async Task Oversized_rule_file_is_refused_naming_the_limit(string extension)
    {
        var path = Write("big." + extension, new string(' ', RuleSetLoader.MaxFileBytes + 1));

        var ex = await LoadWithinAsync(Bound, path);

        Assert.Equal($"{path}: larger than {RuleSetLoader.MaxFileBytes} bytes, the limit for rule files", ex.Message);
    }

    [Theory]
    [InlineData("max_speed_kmh: 1" + Zeros, "countries: {DE: [51.2, 10.4]}", 7)]
    [InlineData("max_speed_kmh: 900", "countries: {DE: [1e999, 10.4]}", 8)]
    [InlineData("max_speed_kmh: 900", "countries: {DE: [-1" + Zeros + ", 10.4]}", 8)]
    public async Task Huge_numbers_in_yaml_are_refused_on_their_line(string speed, string countries, int line)
    {
        var path = Write("huge.yaml", $"""
            rules:
              - id: X
                kind: signalling-category3
                explanation: e
                params:
                  operations: [updateLocation]
                  {speed}
                  {countries}
            """);

        var ex = await LoadWithinAsync(Bound, path);

        Assert.StartsWith($"{path}:{line}: number out of range", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"max_speed_kmh\":1e999,\"countries\":{\"DE\":[51.2,10.4]}", "rule 'X': 'max_speed_kmh' must be a finite number")]
    [InlineData("\"countries\":{\"DE\":[1e999,10.4]}", "rule 'X': 'countries.DE' must be [lat, lon] in degrees")]
    [InlineData("\"countries\":{\"DE\":[\"north\",10.4]}", "rule 'X': 'countries.DE' must be [lat, lon] in degrees")]
    [InlineData("\"countries\":{\"DE\":[91,10.4]}", "rule 'X': 'countries.DE' must be [lat, lon] in degrees")]
    public void Out_of_range_numbers_in_json_name_the_parameter(string parameters, string expected)
    {
        var json = $"{{\"rules\":[{{\"id\":\"X\",\"kind\":\"signalling-category3\",\"explanation\":\"e\",\"params\":{{\"operations\":[\"updateLocation\"],{parameters}}}}}]}}";

        var ex = Assert.Throws<InputFormatException>(() => RuleSetLoader.Parse(json, "rules.json"));

        Assert.Equal($"rules.json: {expected}", ex.Message);
    }

    [Fact]
    public void Patterns_too_large_together_are_refused_before_any_is_compiled()
    {
        // two rules of 40 patterns of 28 characters: each rule within its own limits, 2,240 characters together
        var pattern = "\"^\\\\s*show\\\\s+version-xxxxxxxxx\"";
        var patterns = string.Join(',', Enumerable.Repeat(pattern, 40));
        string Rule(string id) => $"{{\"id\":\"{id}\",\"kind\":\"command-from-interconnect\",\"explanation\":\"e\",\"params\":{{\"patterns\":[{patterns}]}}}}";
        var json = $"{{\"rules\":[{Rule("A")},{Rule("B")}]}}";

        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<InputFormatException>(() => RuleSetLoader.Parse(json, "rules.json"));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("rules.json: the rules' patterns hold 2240 characters together, more than the limit of 2000", ex.Message);
        Assert.True(allocated < 8 << 20, $"{allocated} bytes allocated to refuse it");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Zeros = "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000";

    // "billion laughs": level k holds `aliases` references to level k-1, so the last level expands to aliases^levels scalars
    private static string AliasBomb(int levels, int aliases)
    {
        var yaml = new StringBuilder($"l0: &l0 [{string.Join(", ", Enumerable.Repeat("lol", aliases))}]\n");
        for (var k = 1; k < levels; k++)
        {
            yaml.Append($"l{k}: &l{k} [{string.Join(", ", Enumerable.Repeat($"*l{k - 1}", aliases))}]\n");
        }

        return yaml.Append($"rules: [*l{levels - 1}]\n").ToString();
    }

    // the loader runs on another thread so that a missing limit fails the test (TimeoutException) instead of hanging the run
    private static async Task<InputFormatException> LoadWithinAsync(TimeSpan bound, string path)
    {
        var exception = await Task.Run(() => Record.Exception(() => RuleSetLoader.Load(path))).WaitAsync(bound);
        return Assert.IsType<InputFormatException>(exception);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
