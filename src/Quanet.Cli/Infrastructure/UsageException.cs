namespace Quanet.Cli.Infrastructure;

/// <summary>Bad usage found after parsing (an option value out of range, options that clash): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
