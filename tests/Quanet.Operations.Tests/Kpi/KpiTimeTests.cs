using System.Text;
using Quanet.Operations.Kpi;

namespace Quanet.Operations.Tests.Kpi;

public sealed class KpiTimeTests
{
    [Theory]
    [InlineData("2024-06-01T00:15:00Z", 1_717_200_900L, 1_717_200_900L)]
    [InlineData("2024-06-01 00:15:00", 1_717_200_900L, 1_717_200_900L)]
    [InlineData("2024-06-01T00:15", 1_717_200_900L, 1_717_200_900L)]
    [InlineData("2024-06-01T00:15:00.250Z", 1_717_200_900L, 1_717_200_900L)]
    [InlineData("2024-06-01T02:15:00+02:00", 1_717_200_900L, 1_717_208_100L)]
    [InlineData("2024-06-01T02:15:00+0200", 1_717_200_900L, 1_717_208_100L)]
    [InlineData("2024-05-31T19:15:00-05", 1_717_200_900L, 1_717_182_900L)]
    [InlineData("2024-06-01", 1_717_200_000L, 1_717_200_000L)]
    [InlineData("1717200900", 1_717_200_900L, 1_717_200_900L)]
    [InlineData("1717200900.75", 1_717_200_900L, 1_717_200_900L)]
    public void Reads_iso_8601_and_unix_seconds(string text, long instant, long wall)
    {
        Assert.True(KpiTime.TryParse(Encoding.UTF8.GetBytes(text), out var parsedInstant, out var parsedWall));

        // reference: DateTimeOffset.Parse of the same instants; the wall clock is the time as written, without its offset
        Assert.Equal(instant, parsedInstant);
        Assert.Equal(wall, parsedWall);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-02-30")]
    [InlineData("2024-06-01T24:00")]
    [InlineData("2024-06-01T00:15:00Q")]
    [InlineData("2024-06-01T00:15:00.")]
    [InlineData("yesterday")]
    [InlineData("1e400")]
    public void Refuses_what_is_neither(string text) =>
        Assert.False(KpiTime.TryParse(Encoding.UTF8.GetBytes(text), out _, out _));
}
