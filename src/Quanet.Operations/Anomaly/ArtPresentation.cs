namespace Quanet.Operations.Anomaly;

/// <summary>
/// What <see cref="DualVigilanceArt"/> made of one input: the best match (<paramref name="Similarity"/>,
/// with its similarity on the newest value alone, <paramref name="Energy"/>) and whether the input
/// resonated with a category, joined a cluster as a new category, or started a new cluster.
/// </summary>
internal readonly record struct ArtPresentation(double Similarity, double Energy, bool NewCluster);
