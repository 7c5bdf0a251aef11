namespace Quanet.Server.Security;

/// <summary>
/// The four roles of a caller. Each role includes the rights of the roles before it in
/// <see cref="Ordered"/>: a planner may read, an operator may read and plan, an admin may do everything.
/// </summary>
public static class Roles
{
    /// <summary>Reads plans, alarms, incidents and status.</summary>
    public const string Viewer = "viewer";

    /// <summary>Submits, cancels and deletes plans.</summary>
    public const string Planner = "planner";

    /// <summary>Acknowledges alarms, approves and rolls back runbooks and isolations.</summary>
    public const string Operator = "operator";

    /// <summary>Manages API keys and reads the audit log.</summary>
    public const string Admin = "admin";

    /// <summary>The roles from least to most privileged.</summary>
    public static IReadOnlyList<string> Ordered { get; } = [Viewer, Planner, Operator, Admin];

    /// <summary>True when <paramref name="name"/> is one of the four roles.</summary>
    public static bool IsKnown(string name) => Ordered.Contains(name, StringComparer.Ordinal);

    /// <summary>The rights of a holder of <paramref name="role"/>: that role and every one before it.</summary>
    public static string[] Implied(string role) => [.. Ordered.Take(Ordered.ToList().IndexOf(role) + 1)];

    /// <summary>The roles whose holders may act as <paramref name="least"/> (that role and every one after it).</summary>
    public static string[] AtLeast(string least) => [.. Ordered.SkipWhile(r => r != least)];
}
