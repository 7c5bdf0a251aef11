using Quanet.Core;
using Quanet.Core.Text;
using Quanet.Operations.Action;

namespace Quanet.Operations.Tests.Action;

/// <summary>
/// Runbook files found by bench/fuzz runbook (AFL++, 10 min, 2026-12-05: 80 inputs, one cause): a section left empty
/// ("change:" with nothing under it, YAML's null) replaced its default with null and validation threw
/// NullReferenceException, which reached the caller as "internal error". Each is one input error line now.
/// </summary>
public sealed class RunbookFuzzFindingsTests
{
    [Theory]
    [InlineData("CmNoYW5nZToK", "change is empty")]
    [InlineData("IyBSdIYKdmVyaWZ5OgojaW4QOiB5cA==", "verify is empty")]
    [InlineData("IyBS/y4KbmFtZToKI+JSUv8uIyBSdApndWFyZDoKIA==", "guard is empty")]
    [InlineData("IyBSdIYKdmVyaWZ5OgojMJOTk5OTk5OTk5OTk3Q6CmNoYW5nZToKICBhY3Rpb246IA==", "verify is empty")]
    public void Fuzzed_runbooks_are_input_errors_in_one_line(string base64, string reason)
    {
        var text = new StreamReader(new MemoryStream(Convert.FromBase64String(base64))).ReadToEnd();

        var ex = Assert.Throws<InputFormatException>(() => RunbookCatalog.Parse(text, "fuzzed.yaml"));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("fuzzed.yaml", ex.Message, StringComparison.Ordinal);
        Assert.True(Printable.IsClean(ex.Message), ex.Message);
    }

    [Theory]
    [InlineData("name: a\nincident: b\nchange:\n  action: set\n  parameters:\nverify:\n  kpis: [{kpi: x, min: 1}]\n", "change.parameters is empty")]
    [InlineData("name: a\nincident: b\nverify:\n  kpis:\n    - \n", "an entry of verify.kpis is empty")]
    [InlineData("{\"name\": \"a\", \"incident\": \"b\", \"change\": null}", "change is empty")]
    public void Empty_sections_are_named(string text, string reason)
    {
        var ex = Assert.Throws<InputFormatException>(() => RunbookCatalog.Parse(text, text.StartsWith('{') ? "r.json" : "r.yaml"));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_given_twice_is_refused_instead_of_the_last_one_winning()
    {
        // the fuzzer's longest finding repeated name and change; YAML keys are unique (YAML 1.2, 3.2.1.1)
        var ex = Assert.Throws<InputFormatException>(() => RunbookCatalog.Parse("name: a\nincident: b\nname: c\n", "twice.yaml"));

        Assert.Contains("duplicate key", ex.Message, StringComparison.OrdinalIgnoreCase);
    }
}
