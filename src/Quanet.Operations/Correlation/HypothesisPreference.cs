namespace Quanet.Operations.Correlation;

/// <summary>
/// Which of two scored hypotheses the greedy cover takes first, criterion by criterion: the higher score;
/// then the one explaining more waiting alarms; then the one predicting fewer alarms (the more specific
/// cause); then, so that the order never depends on hash order, the smaller id (ordinal).
/// </summary>
internal sealed class HypothesisPreference : IComparer<ScoredHypothesis>
{
    /// <summary>The one instance (the preference has no state).</summary>
    public static readonly HypothesisPreference Instance = new();

    private HypothesisPreference()
    {
    }

    /// <summary>Positive when <paramref name="x"/> is preferred to <paramref name="y"/>, negative when <paramref name="y"/> is, zero for the same hypothesis.</summary>
    public int Compare(ScoredHypothesis x, ScoredHypothesis y)
    {
        var c = ByScore(x, y);
        if (c == 0)
        {
            c = ByExplained(x, y);
        }

        if (c == 0)
        {
            c = BySpecificity(x, y);
        }

        return c != 0 ? c : ById(x, y);
    }

    /// <summary>Whether <paramref name="candidate"/> replaces <paramref name="best"/>; with no best yet, any positive score does.</summary>
    public bool Beats(ScoredHypothesis candidate, ScoredHypothesis? best) =>
        best is { } b ? Compare(candidate, b) > 0 : candidate.Score > 0;

    private static int ByScore(ScoredHypothesis x, ScoredHypothesis y) =>
        x.Score > y.Score ? 1 : x.Score < y.Score ? -1 : 0;

    private static int ByExplained(ScoredHypothesis x, ScoredHypothesis y) => x.Explained.CompareTo(y.Explained);

    private static int BySpecificity(ScoredHypothesis x, ScoredHypothesis y) =>
        y.Hypothesis.Expected.Count.CompareTo(x.Hypothesis.Expected.Count);

    private static int ById(ScoredHypothesis x, ScoredHypothesis y) =>
        -Math.Sign(string.CompareOrdinal(x.Hypothesis.Id, y.Hypothesis.Id));
}
