using System.Text;
using Quanet.Core;
using Quanet.Core.Text;

namespace Quanet.Tests.Shared.Mutation;

/// <summary>
/// Runs one parser on one hostile input and checks the contract every reader keeps: it succeeds, or
/// it throws a <see cref="QuanetException"/> (an <see cref="InputFormatException"/> for a malformed file)
/// whose message is one printable line and not an "internal error"; it allocates no more than
/// 64 MiB + 64 bytes per input byte; it answers within the timeout.
/// </summary>
internal static class HostileInput
{
    /// <summary>The time one parse may take before it counts as a hang.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="parse"/> on <paramref name="input"/> and asserts the contract.</summary>
    public static void Check(byte[] input, Action<byte[]> parse)
    {
        Exception? thrown = null;
        long allocated = 0;
        var thread = new Thread(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                parse(input);
            }
            catch (Exception ex)
            {
                thrown = ex;
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }, maxStackSize: 1 << 20)
        {
            IsBackground = true,
        };
        thread.Start();
        Assert.True(thread.Join(Timeout), $"no answer within {Timeout.TotalSeconds} s on {Describe(input)}");

        var cap = (64L << 20) + (64L * input.Length);
        Assert.True(allocated <= cap, $"allocated {allocated} bytes (cap {cap}) on {Describe(input)}");
        if (thrown is null)
        {
            return;
        }

        Assert.True(thrown is QuanetException, $"{thrown.GetType().Name}: {thrown.Message} on {Describe(input)}\n{thrown}");
        var message = thrown.Message;
        Assert.True(Printable.IsClean(message), $"raw control characters in '{Printable.Escape(message, 200)}'");
        Assert.DoesNotContain("internal error", message, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The UTF-8 text of <paramref name="input"/>, invalid sequences replaced, as the text readers see a file.</summary>
    public static string Text(byte[] input) => new StreamReader(new MemoryStream(input), Encoding.UTF8, true).ReadToEnd();

    private static string Describe(byte[] input) =>
        $"{input.Length} bytes: '{Printable.Escape(Encoding.UTF8.GetString(input), 120)}'";
}
