using System.Text.Json;
using Quanet.Core;
using Quanet.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Quanet.Operations.Action;

/// <summary>Runbooks by incident type: the built-in defaults (embedded YAML) or a directory of YAML/JSON files.</summary>
public sealed class RunbookCatalog
{
    private static readonly string[] Actions = ["set", "restart", "restore_last_known_good", "none"];
    private readonly Dictionary<string, Runbook> _byIncident = new(StringComparer.Ordinal);

    private RunbookCatalog()
    {
    }

    /// <summary>All runbooks.</summary>
    public IReadOnlyCollection<Runbook> All => _byIncident.Values;

    /// <summary>The runbook for incident type <paramref name="incident"/> (snake_case), or null.</summary>
    public Runbook? For(string incident) => _byIncident.GetValueOrDefault(incident);

    /// <summary>The built-in runbooks shipped with Quanet.</summary>
    public static RunbookCatalog Defaults()
    {
        var catalog = new RunbookCatalog();
        var assembly = typeof(RunbookCatalog).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!name.EndsWith(".yaml", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            catalog.Add(Parse(reader.ReadToEnd(), name));
        }

        return catalog;
    }

    /// <summary>Loads every <c>*.yaml</c>, <c>*.yml</c> and <c>*.json</c> runbook in <paramref name="directory"/>.</summary>
    /// <exception cref="InputFormatException">A runbook is malformed.</exception>
    public static RunbookCatalog Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var catalog = new RunbookCatalog();
        foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            var ext = System.IO.Path.GetExtension(file);
            if (ext is ".yaml" or ".yml" or ".json")
            {
                catalog.Add(Parse(File.ReadAllText(file), file));
            }
        }

        return catalog;
    }

    /// <summary>Parses one runbook from YAML or JSON (JSON is YAML too, but is parsed as JSON for exact errors).</summary>
    /// <exception cref="InputFormatException">The runbook is malformed.</exception>
    public static Runbook Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        Runbook? runbook;
        if (text.TrimStart().StartsWith('{'))
        {
            try
            {
                runbook = JsonSerializer.Deserialize<Runbook>(text, new JsonSerializerOptions
                {
                    PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
                    UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
                });
            }
            catch (JsonException ex)
            {
                throw new InputFormatException(fileName, (int)(ex.LineNumber ?? -1) + 1, JsonReason(ex));
            }
        }
        else
        {
            try
            {
                runbook = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).WithDuplicateKeyChecking().Build().Deserialize<Runbook>(text);
            }
            catch (YamlException ex)
            {
                throw new InputFormatException(fileName, (int)ex.Start.Line, YamlErrorText.Describe(ex));
            }
        }

        if (runbook is null)
        {
            throw new InputFormatException(fileName, 0, "empty runbook");
        }

        Validate(runbook, fileName);
        return runbook;
    }

    // System.Text.Json names .NET types ("could not be converted to System.Boolean", "contained in type 'Quanet...'"):
    // name the field instead
    private static string JsonReason(JsonException ex)
    {
        var field = ex.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : null;
        if (ex.Message.StartsWith("The JSON property '", StringComparison.Ordinal))
        {
            return $"unknown field '{ex.Message.Split('\'')[1]}'";
        }

        if (ex.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return field is null ? "expected a JSON object with the runbook's fields" : $"'{field}': a value of the wrong type";
        }

        return ex.Message.Split(". Path")[0].TrimEnd('.');
    }

    private static void Validate(Runbook r, string fileName)
    {
        if (EmptySections(r) is { Count: > 0 } empty)
        {
            throw new InputFormatException(fileName, 0, string.Join("; ", empty));
        }

        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(r.Name))
        {
            problems.Add("'name' is required");
        }

        if (string.IsNullOrWhiteSpace(r.Incident))
        {
            problems.Add("'incident' is required");
        }

        if (!Actions.Contains(r.Change.Action))
        {
            problems.Add($"change.action '{r.Change.Action}' is not one of {string.Join(", ", Actions)}");
        }

        if (r.Change.Action == "set" && r.Change.Parameters.Count == 0)
        {
            problems.Add("change.action 'set' needs change.parameters");
        }

        if (r.Change.Action != "none" && r.Verify.Kpis.Count == 0)
        {
            problems.Add("a change needs verify.kpis");
        }

        foreach (var k in r.Verify.Kpis)
        {
            if (string.IsNullOrWhiteSpace(k.Kpi) || (k.Min is null && k.Max is null))
            {
                problems.Add("each verify.kpis entry needs 'kpi' and 'min' or 'max'");
            }
        }

        if (r.OnFailure is not ("rollback" or "keep"))
        {
            problems.Add($"on_failure '{r.OnFailure}' is not rollback or keep");
        }

        if (r.Confirm is not ("auto" or "manual"))
        {
            problems.Add($"confirm '{r.Confirm}' is not auto or manual");
        }

        if (r.Escalate is not ("field_visit" or "capacity_planning" or "none"))
        {
            problems.Add($"escalate '{r.Escalate}' is not field_visit, capacity_planning or none");
        }

        if (r.Guard.MaxRunsPerTargetPerDay < 1 || r.Guard.MaxBlastRadius < 1)
        {
            problems.Add("guard limits must be at least 1");
        }

        if (r.Verify.WaitMinutes < 0)
        {
            problems.Add("verify.wait_minutes must not be negative");
        }

        if (problems.Count > 0)
        {
            throw new InputFormatException(fileName, 0, string.Join("; ", problems));
        }
    }

    // "change: ~" (YAML) or "change": null (JSON) replaces a section's default with null: name it, check no further
    private static List<string> EmptySections(Runbook r) => new (string Field, bool IsNull)[]
    {
        ("change", r.Change is null), ("verify", r.Verify is null), ("guard", r.Guard is null), ("target", r.Target is null),
        ("change.parameters", r.Change is { Parameters: null }), ("verify.kpis", r.Verify is { Kpis: null }),
        ("an entry of verify.kpis", r.Verify is { Kpis: { } kpis } && kpis.Any(k => k is null)),
    }.Where(f => f.IsNull).Select(f => $"{f.Field} is empty").ToList();

    private void Add(Runbook runbook) => _byIncident[runbook.Incident] = runbook;
}
