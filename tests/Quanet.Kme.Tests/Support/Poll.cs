using System.Diagnostics;

namespace Quanet.Kme.Tests.Support;

/// <summary>Waits in a test for something another task or process makes true.</summary>
internal static class Poll
{
    /// <summary>Returns once <paramref name="condition"/> holds; fails the test naming <paramref name="what"/> after <paramref name="timeout"/> (default 120 s).</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(120);
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < limit, $"timed out waiting for {what}");
            await Task.Delay(10);
        }
    }
}
