namespace Quanet.Operations.Correlation;

/// <summary>
/// A candidate root cause with the alarms it predicts (observation keys, see
/// <see cref="AlarmConditions.Key"/>) and, per predicted alarm, why the cause produces it.
/// </summary>
internal sealed class Hypothesis
{
    private readonly Dictionary<string, string> _expected = new(StringComparer.Ordinal);
    private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);

    public Hypothesis(IncidentType type, string rootCause, string summary)
    {
        Type = type;
        RootCause = rootCause;
        Summary = summary;
    }

    public IncidentType Type { get; }

    /// <summary>Link id, site id or element id.</summary>
    public string RootCause { get; }

    public string Summary { get; }

    public string Id => $"{Type}:{RootCause}";

    public IReadOnlyDictionary<string, string> Expected => _expected;

    public void Expect(string key, string why, bool anchor = false)
    {
        _expected.TryAdd(key, why);
        if (anchor)
        {
            _anchors.Add(key);
        }
    }

    public bool IsAnchor(string key) => _anchors.Contains(key);

    public string? Explain(string key) => _expected.GetValueOrDefault(key);
}
