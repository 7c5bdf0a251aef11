using Quanet.Testing;

namespace Quanet.Kme.Tests.Support;

/// <summary>A fact that is skipped, with the reason shown, when <c>program</c> is not on PATH.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresProgramFactAttribute : FactAttribute
{
    public RequiresProgramFactAttribute(string program)
    {
        Program = program;
        if (ProgramPath.Find(program) is null)
        {
            Skip = $"{program} is not installed on this machine";
        }
    }

    public string Program { get; }
}
