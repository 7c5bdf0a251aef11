namespace Quanet.Console.Tests.Support;

/// <summary>A test in the real browser: skipped, with the reason shown, where Chromium or the console bundle is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserEnvironment.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
