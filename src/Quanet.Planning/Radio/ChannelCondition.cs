namespace Quanet.Planning.Radio;

/// <summary>Line-of-sight state of a link in 3GPP TR 38.901.</summary>
public enum ChannelCondition
{
    /// <summary>Line of sight.</summary>
    LineOfSight,

    /// <summary>Non line of sight: the loss is max(LOS, NLOS') as the TR specifies.</summary>
    NonLineOfSight,
}
