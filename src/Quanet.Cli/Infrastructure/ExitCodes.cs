namespace Quanet.Cli.Infrastructure;

/// <summary>The process exit codes every command uses.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int DomainFailure = 1;
    public const int Usage = 2;
    public const int Cancelled = 130;
}
