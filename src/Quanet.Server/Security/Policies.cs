namespace Quanet.Server.Security;

/// <summary>Authorization policy names used by the endpoints (each requires an authenticated caller).</summary>
public static class Policies
{
    /// <summary>Any authenticated caller (viewer and above).</summary>
    public const string Read = "read";

    /// <summary>Planner and above.</summary>
    public const string Plan = "plan";

    /// <summary>Operator and above.</summary>
    public const string Operate = "operate";

    /// <summary>Admin only.</summary>
    public const string Admin = "admin";
}
