using Quanet.Core;
using Quanet.Operations.Action;

namespace Quanet.Operations.Tests.Action;

/// <summary>Runbook errors are one line in Quanet's words naming the file and line, never YamlDotNet's or .NET's type names (issue #16).</summary>
public sealed class RunbookCatalogTests
{
    [Theory]
    [InlineData("name: a\nincident: b\nbogus: 1\n", "rb.yaml:3: unknown field 'bogus'")]
    [InlineData("name: a\nincident: b\nsnapshot: maybe\n", "rb.yaml:3: 'maybe' is not true or false")]
    [InlineData("name: a\nincident: b\nguard:\n  max_runs_per_target_per_day: many\n", "rb.yaml:4: 'many' is not a number")]
    [InlineData("name: a\nincident: b\nguard:\n  max_blast_radius: 99999999999999999999\n", "rb.yaml:4: a number out of range")]
    [InlineData("name: [a, b]\n", "rb.yaml:1: expected a single value here")]
    [InlineData("- a\n", "rb.yaml:1: expected a mapping of fields here")]
    [InlineData("change:\n  parameters: [1, 2]\n", "rb.yaml:2: expected a mapping, found a list")]
    [InlineData("verify:\n  kpis: 5\n", "rb.yaml:2: expected a list, found a single value")]
    [InlineData("name: !!binary x\n", "rb.yaml:1: unsupported tag 'tag:yaml.org,2002:binary'")]
    [InlineData("name: *nope\n", "rb.yaml:1: alias *nope comes before its anchor &nope")]
    [InlineData("name: a\n name: b\n", "rb.yaml:2: not valid YAML: while scanning a plain scalar value, found invalid mapping")]
    public void Yaml_errors_name_the_file_line_and_what_is_wrong(string yaml, string expected)
    {
        var ex = Assert.Throws<InputFormatException>(() => RunbookCatalog.Parse(yaml, "rb.yaml"));

        Assert.Equal(expected, ex.Message);
    }

    [Theory]
    [InlineData("{\"name\":\"a\",\"bogus\":1}", "rb.json:1: unknown field 'bogus'")]
    [InlineData("{\"name\":\"a\",\n\"snapshot\":\"maybe\"}", "rb.json:2: 'snapshot': a value of the wrong type")]
    [InlineData("{\"name\":\"a\",\"guard\":{\"max_blast_radius\":[1]}}", "rb.json:1: 'guard.max_blast_radius': a value of the wrong type")]
    public void Json_errors_name_the_field_instead_of_a_dotnet_type(string json, string expected)
    {
        var ex = Assert.Throws<InputFormatException>(() => RunbookCatalog.Parse(json, "rb.json"));

        Assert.Equal(expected, ex.Message);
    }
}
