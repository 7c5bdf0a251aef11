using Quanet.Operations.Anomaly;

namespace Quanet.Operations.Tests.Anomaly;

public sealed class ArtFeatureEncoderTests
{
    [Fact]
    public void Features_come_once_eight_blocks_are_complete_and_end_with_the_levels()
    {
        var encoder = new ArtFeatureEncoder(step: 2, min: 0, max: 100);
        var features = new double[ArtFeatureEncoder.FeatureCount];
        var ready = new List<int>();
        for (var row = 0; row < 20; row++)
        {
            // blocks of two rows, block b holds 10 b and 10 b + 1: from block 1 on the extreme is within
            // 10% of the mean 10 b + 0.5, so the block value is the mean: level round(0.8 (10 b + 0.5)) of 80
            if (encoder.Add((10 * (row / 2)) + (row % 2), features))
            {
                ready.Add(row);
            }
        }

        Assert.Equal([15, 17, 19], ready);
        // the last window is blocks 2..9: block 9 is level 72 of 80, block 8 level 64, both far from
        // the running median level, so not snapped to it
        Assert.Equal(0.9, features[^1], 12);
        Assert.Equal(0.8, features[^2], 12);
        Assert.All(features, f => Assert.InRange(f, 0.0, 1.0));
    }

    [Fact]
    public void A_short_spike_inside_a_block_is_kept_as_the_block_value()
    {
        var encoder = new ArtFeatureEncoder(step: 4, min: 0, max: 100);
        var features = new double[ArtFeatureEncoder.FeatureCount];
        var done = false;
        for (var block = 0; block < 8; block++)
        {
            for (var k = 0; k < 4; k++)
            {
                var value = block == 7 && k == 2 ? 90.0 : 10.0;
                done = encoder.Add(value, features);
            }
        }

        // the last block's mean is 30, its extreme 90: the spike, not the mean, is its value
        Assert.True(done);
        Assert.Equal(0.9, features[^1], 12);
        Assert.Equal(0.1, features[^2], 12);
    }

    [Fact]
    public void A_flat_window_has_a_flat_shape()
    {
        var encoder = new ArtFeatureEncoder(step: 1, min: 0, max: 10);
        var features = new double[ArtFeatureEncoder.FeatureCount];
        for (var row = 0; row < 8; row++)
        {
            encoder.Add(5, features);
        }

        Assert.All(features.AsSpan(0, ArtFeatureEncoder.Window).ToArray(), f => Assert.Equal(0.0, f));
        Assert.All(features.AsSpan(ArtFeatureEncoder.Window).ToArray(), f => Assert.Equal(0.5, f));
    }
}
