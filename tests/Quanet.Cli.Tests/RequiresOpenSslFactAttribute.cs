namespace Quanet.Cli.Tests;

/// <summary>A fact that is skipped, with the reason shown, when the <c>openssl</c> command is not on PATH.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresOpenSslFactAttribute : FactAttribute
{
    public RequiresOpenSslFactAttribute()
    {
        if (OpenSslSession.Program is null)
        {
            Skip = "openssl is not installed on this machine (the TLS-PSK consumer tests run OpenSSL's s_server and s_client)";
        }
    }
}
