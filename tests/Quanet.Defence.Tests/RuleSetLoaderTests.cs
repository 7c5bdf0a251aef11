using Quanet.Core;
using Quanet.Defence.Rules;
using Quanet.Defence.Simulation;

namespace Quanet.Defence.Tests;

public sealed class RuleSetLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-rules-").FullName;

    [Fact]
    public void Default_rules_cover_every_detector_kind()
    {
        var rules = RuleSetLoader.Default();

        Assert.Equal(RuleKinds.All.Order(StringComparer.Ordinal), rules.Rules.Select(r => r.Kind).Distinct().Order(StringComparer.Ordinal));
        Assert.All(rules.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Explanation)));
    }

    [Theory]
    [InlineData("{\"rules\":[{\"id\":\"X\",\"kind\":\"nope\",\"explanation\":\"e\"}]}", "rules.json: rule 'X': unknown kind 'nope'")]
    [InlineData("{\"rules\":[{\"id\":\"X\",\"kind\":\"flow-scan\",\"explanation\":\"e\"},{\"id\":\"X\",\"kind\":\"flow-scan\",\"explanation\":\"e\"}]}", "rule id 'X' appears twice")]
    [InlineData("{\"rules\":[{\"id\":\"X\",\"kind\":\"command-from-interconnect\",\"explanation\":\"e\",\"params\":{\"patterns\":[\"(\"]}}]}", "rule 'X': pattern '(' is not a valid regular expression")]
    [InlineData("{\"rules\":[{\"id\":\"X\",\"kind\":\"signalling-category1\",\"explanation\":\"e\"}]}", "rule 'X': parameter 'operations' must be a array")]
    [InlineData("{\"rules\":[{\"id\":\"X\",\"kind\":\"flow-scan\",\"explanation\":\"e\",\"confidence\":3}]}", "rule 'X': confidence must be a number in [0, 1]")]
    [InlineData("{\"rules\":[{\"kind\":\"flow-scan\"}]}", "rules[0]: expected a non-empty string \"id\"")]
    // found by the rules-yaml mutation suite: TimeSpan.FromSeconds threw OverflowException ("internal error")
    [InlineData("{\"rules\":[{\"id\":\"X\",\"kind\":\"flow-scan\",\"explanation\":\"e\",\"params\":{\"window_seconds\":1e300}}]}", "rule 'X': 'window_seconds' must be at most 31622400")]
    [InlineData("{\"rules\":[{\"id\":\"X\",\"kind\":\"flow-scan\",\"explanation\":\"e\",\"params\":{\"distinct_targets\":1e12}}]}", "rule 'X': 'distinct_targets' must be at most 1000000")]
    [InlineData("{\"rules\":[{\"id\":\"X\",\"kind\":\"command-from-interconnect\",\"explanation\":\"e\",\"params\":{\"patterns\":[\"a{1000}{1000}\"]}}]}", "rule 'X': pattern 'a{1000}{1000}' is not a valid regular expression")]
    [InlineData("{\"rules\":", "rules.json:1: invalid JSON")]
    public void Broken_rule_files_name_the_file_and_the_rule(string json, string expected)
    {
        var ex = Assert.Throws<InputFormatException>(() => RuleSetLoader.Parse(json, "rules.json"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules: !!int abc\n", "rules.yaml:1: 'abc' is not a number")]
    [InlineData("rules: !!binary x\n", "rules.yaml:1: unsupported tag 'tag:yaml.org,2002:binary'")]
    [InlineData("rules: *nope\n", "rules.yaml:1: alias *nope comes before its anchor &nope")]
    [InlineData("rules: [\n", "rules.yaml:2: not valid YAML: while parsing a node, did not find expected node content")]
    [InlineData("rules:\n  - id: a\n   kind: x\n", "rules.yaml:3: not valid YAML: while parsing a block collection, did not find expected '-' indicator")]
    public void Yaml_errors_are_one_line_in_quanets_words_naming_the_file_and_line(string yaml, string expected)
    {
        // YamlDotNet said "Exception during deserialization" and named .NET types
        var path = Path.Combine(_dir, "rules.yaml");
        File.WriteAllText(path, yaml);

        var ex = Assert.Throws<InputFormatException>(() => RuleSetLoader.Load(path));

        Assert.Equal(Path.Combine(_dir, expected), ex.Message);
        Assert.DoesNotContain("YamlDotNet", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_listing_thousands_of_patterns_is_refused_before_compiling_them()
    {
        // found by the rules mutation suite: a pattern line repeated 2,000 times took over 10 s to compile
        var patterns = string.Join(',', Enumerable.Repeat("\"^\\\\s*show\\\\s+(run|version)\"", 2_000));
        var json = $"{{\"rules\":[{{\"id\":\"X\",\"kind\":\"command-from-interconnect\",\"explanation\":\"e\",\"params\":{{\"patterns\":[{patterns}]}}}}]}}";

        var ex = Assert.Throws<InputFormatException>(() => RuleSetLoader.Parse(json, "rules.json"));

        Assert.Equal("rules.json: the rules' patterns hold 48000 characters together, more than the limit of 2000", ex.Message);
    }

    [Fact]
    public void Yaml_rules_load_like_json()
    {
        var path = Path.Combine(_dir, "rules.yaml");
        File.WriteAllText(path, """
            rules:
              - id: SCAN-FAST
                kind: flow-scan
                severity: critical
                confidence: 0.8
                explanation: fast scan
                params:
                  window_seconds: 10
                  distinct_targets: 5
            """);

        var rule = Assert.Single(RuleSetLoader.Load(path).Rules);

        Assert.Equal(Severity.Critical, rule.Severity);
        Assert.Equal(0.8, rule.Confidence);
        Assert.Equal(5, rule.Parameters.GetProperty("distinct_targets").GetInt32());
    }

    [Fact]
    public void Hot_reload_swaps_rules_and_keeps_them_when_the_new_file_is_broken()
    {
        var path = Path.Combine(_dir, "rules.json");
        File.WriteAllText(path, "{\"rules\":[{\"id\":\"A\",\"kind\":\"flow-scan\",\"explanation\":\"a\"}]}");
        var engine = new DetectionEngine(DefenceScenario.Inventory(), RuleSetLoader.Load(path));
        using var watcher = new RuleSetWatcher(path, engine);

        File.WriteAllText(path, "{\"rules\":[{\"id\":\"B\",\"kind\":\"ids-alert\",\"explanation\":\"b\"}]}");
        Assert.True(watcher.TryReload(force: true));
        Assert.Equal("B", Assert.Single(engine.Rules.Rules).Id);
        Assert.True(engine.Rules.Version >= 2, "the watcher may also have reloaded on its own");

        File.WriteAllText(path, "{\"rules\":[{\"id\":\"C\",\"kind\":\"bogus\",\"explanation\":\"c\"}]}");
        Assert.False(watcher.TryReload(force: true));
        Assert.Equal("B", Assert.Single(engine.Rules.Rules).Id);
        Assert.Contains("unknown kind 'bogus'", watcher.LastError, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
