namespace Quanet.Defence.Rules;

/// <summary>An immutable set of rules with a version number that changes on every reload.</summary>
public sealed class RuleSet
{
    /// <summary>Creates a rule set; ids must be unique.</summary>
    /// <exception cref="ArgumentException">Two rules share an id or a kind is unknown.</exception>
    public RuleSet(IEnumerable<DetectionRule> rules, int version = 1)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = new List<DetectionRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (!ids.Add(rule.Id))
            {
                throw new ArgumentException($"rule id '{rule.Id}' appears twice");
            }

            if (!RuleKinds.All.Contains(rule.Kind))
            {
                throw new ArgumentException($"rule '{rule.Id}': unknown kind '{rule.Kind}'");
            }

            list.Add(rule);
        }

        Rules = list;
        Version = version;
    }

    /// <summary>The rules, in file order.</summary>
    public IReadOnlyList<DetectionRule> Rules { get; }

    /// <summary>Increases by one on each reload.</summary>
    public int Version { get; }

    /// <summary>The enabled rules of one kind.</summary>
    public IEnumerable<DetectionRule> OfKind(string kind)
    {
        foreach (var rule in Rules)
        {
            if (rule.Enabled && rule.Kind == kind)
            {
                yield return rule;
            }
        }
    }
}
