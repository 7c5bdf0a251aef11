namespace Quanet.Kme.Tests.Support;

/// <summary>The test classes that share one pair of running KMEs (started once, run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class KmeCollection : ICollectionFixture<KmePair>
{
    public const string Name = "two linked KMEs";
}
