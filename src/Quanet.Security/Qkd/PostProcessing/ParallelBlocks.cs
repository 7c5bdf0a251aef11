namespace Quanet.Security.Qkd.PostProcessing;

/// <summary>Runs independent blocks of work on up to a given number of threads (inline for one).</summary>
internal static class ParallelBlocks
{
    /// <summary>Calls <paramref name="body"/> for 0 .. count - 1, on at most <paramref name="parallelism"/> threads.</summary>
    public static void For(int count, int parallelism, Action<int> body)
    {
        if (parallelism <= 1 || count <= 1)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, body);
    }
}
