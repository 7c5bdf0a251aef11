using Quanet.Operations.Anomaly;

namespace Quanet.Operations.Tests.Anomaly;

public sealed class DualVigilanceArtTests
{
    private static DualVigilanceArt Art() => new(4) { LowerVigilance = 0.5, UpperVigilance = 0.9 };

    [Fact]
    public void The_first_input_starts_a_cluster_and_a_repeat_resonates_with_it_at_similarity_one()
    {
        var art = Art();

        var first = art.Present([0.2, 0.4, 0.6, 0.8]);
        var again = art.Present([0.2, 0.4, 0.6, 0.8]);

        Assert.True(first.NewCluster);
        Assert.False(again.NewCluster);
        Assert.Equal(1.0, again.Similarity, 12);
        Assert.Equal(1.0, again.Energy, 12);
        Assert.Equal(1, art.Categories);
    }

    [Fact]
    public void A_near_input_joins_the_cluster_as_a_new_category_and_a_far_one_starts_a_cluster()
    {
        var art = Art();
        art.Present([0.2, 0.4, 0.6, 0.8]);

        // complement coded [x, 1 - x], |w| = 4: the near input overlaps 3.8 of it with the same newest
        // value (energy 1), match 0.95^3 = 0.857, between the vigilances; the far one overlaps 1.6
        // and its newest value 0.3 of 1
        var near = art.Present([0.3, 0.5, 0.6, 0.8]);
        var far = art.Present([0.9, 0.9, 0.1, 0.1]);

        Assert.False(near.NewCluster);
        Assert.Equal(Math.Pow(0.95, 3), near.Similarity, 12);
        Assert.True(far.NewCluster);
        Assert.Equal(3, art.Categories);
    }

    [Fact]
    public void Resonance_shrinks_the_category_to_the_fuzzy_minimum()
    {
        var art = new DualVigilanceArt(2) { LowerVigilance = 0.1, UpperVigilance = 0.5 };
        art.Present([0.5, 0.5]);
        art.Present([0.4, 0.5]);

        // the category is now min([0.5, 0.5, 0.5, 0.5], [0.4, 0.5, 0.6, 0.5]) = [0.4, 0.5, 0.5, 0.5]:
        // the first input overlaps 1.9 of its 1.9, a perfect match
        var again = art.Present([0.5, 0.5]);

        Assert.Equal(1.0, again.Similarity, 12);
        Assert.Equal(1, art.Categories);
    }
}
