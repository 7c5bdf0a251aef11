namespace Quanet.Server.Security;

/// <summary>An API key's name and role (the secret is never kept).</summary>
public sealed record ApiKey(string Name, string Role);
