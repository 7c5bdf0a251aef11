namespace Quanet.Cluster.Tests;

public sealed class ClusterNamesTests
{
    [Fact]
    public void Event_subjects_are_under_the_stream_prefix() =>
        Assert.StartsWith("quanet.ves.", ClusterNames.EventSubjectPrefix + "north", StringComparison.Ordinal);
}
