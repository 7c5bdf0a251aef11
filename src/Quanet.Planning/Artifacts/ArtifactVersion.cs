namespace Quanet.Planning.Artifacts;

/// <summary>
/// The schema version every plan-directory artifact carries in its top-level <c>"quanet_version"</c> field.
/// Files written before the field existed have none and read as version 1; a newer version is refused.
/// </summary>
public static class ArtifactVersion
{
    /// <summary>The name of the version field.</summary>
    public const string Field = "quanet_version";

    /// <summary>The version this build writes and the newest it reads. <value>1.</value></summary>
    public const int Current = 1;
}
