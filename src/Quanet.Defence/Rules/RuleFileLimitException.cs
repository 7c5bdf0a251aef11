namespace Quanet.Defence.Rules;

/// <summary>A rule file exceeds one of the loader's limits (size, alias expansion, nesting, number range) at <see cref="Line"/>.</summary>
internal sealed class RuleFileLimitException(long line, string message) : Exception(message)
{
    /// <summary>1-based line where the limit was exceeded.</summary>
    public long Line { get; } = line;
}
