using System.Text.RegularExpressions;
using Quanet.Defence.Model;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Rules.Detectors;

/// <summary>
/// Discovery or configuration commands run from a session whose source address arrives over an interconnect:
/// the intrusion path where attackers pivot from a partner's network onto our routers.
/// </summary>
internal sealed class CommandFromInterconnectDetector : Detector
{
    /// <summary>The most patterns a rule may list (the shipped rules have 3): each costs milliseconds to compile.</summary>
    public const int MaxPatterns = 64;

    /// <summary>The longest pattern, characters (the shipped ones have under 200).</summary>
    public const int MaxPatternLength = 1000;

    /// <summary>
    /// The most pattern characters of all the rules of one file together (the shipped rules have 400): the
    /// non-backtracking engine allocates about 13 KB per pattern character to build its automaton, so a rules file
    /// must not ask for hundreds of megabytes (found by the rules mutation suite: 59 patterns of 176 characters took
    /// 139 MB).
    /// </summary>
    public const int MaxTotalPatternLength = 2000;

    private readonly Regex[] _patterns;

    public CommandFromInterconnectDetector(DetectionRule rule)
        : base(rule)
    {
        var patterns = new RuleParameters(rule.Parameters).Strings("patterns");
        // found by the rules mutation suite: a pattern line repeated 2,000 times took over 10 s to compile
        if (patterns.Count > MaxPatterns)
        {
            throw new RuleParameterException($"'patterns' lists {patterns.Count} patterns, more than the limit of {MaxPatterns}");
        }

        _patterns = new Regex[patterns.Count];
        for (var i = 0; i < patterns.Count; i++)
        {
            if (patterns[i].Length > MaxPatternLength)
            {
                throw new RuleParameterException($"pattern {i + 1} is longer than {MaxPatternLength} characters");
            }

            try
            {
                // non-backtracking: a hostile command line cannot make matching slow
                _patterns[i] = new Regex(patterns[i], RegexOptions.IgnoreCase | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                // NotSupportedException: a pattern too large for the non-backtracking engine ("a{1000}{1000}")
                throw new RuleParameterException($"pattern '{patterns[i]}' is not a valid regular expression: {ex.Message}");
            }
        }
    }

    public override void Inspect(SecurityEvent ev, DefenceInventory inventory, List<Detection> hits)
    {
        if (ev is not CommandEvent c || DefenceInventory.InAny(inventory.ManagementNetworks, c.Source))
        {
            return;
        }

        var ic = inventory.BySourceAddress(c.Source);
        if (ic is null)
        {
            return;
        }

        foreach (var pattern in _patterns)
        {
            if (pattern.IsMatch(c.Command))
            {
                Hit(hits, ic.Id, c.Source.ToString(), ev, $"'{c.Command}' on {c.Device} from {c.Source}, an address behind {ic.Id} ({ic.Partner})");
                return;
            }
        }
    }
}
