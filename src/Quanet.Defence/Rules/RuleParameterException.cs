namespace Quanet.Defence.Rules;

/// <summary>A rule's parameters are missing or of the wrong type.</summary>
internal sealed class RuleParameterException(string message) : Exception(message);
