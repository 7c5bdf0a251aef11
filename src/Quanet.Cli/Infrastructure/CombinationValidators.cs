using System.CommandLine;
using System.CommandLine.Parsing;

namespace Quanet.Cli.Infrastructure;

/// <summary>
/// Checks that look at several options together (<c>--secure needs --backhaul</c>), run by the parser with the
/// single-option checks of <see cref="OptionValidators"/>, so that every usage problem is reported before work starts.
/// </summary>
internal static class CombinationValidators
{
    /// <summary>
    /// Adds a check that may look at other options too (<c>result.GetValue(other)</c>); <paramref name="problem"/>
    /// returns the error or null. Cross-option checks sit on an option rather than on the command because the
    /// parser skips the options' validators once a command validator has failed, and every problem should be reported.
    /// </summary>
    public static Option<T> Check<T>(this Option<T> option, Func<OptionResult, string?> problem)
    {
        option.Validators.Add(result =>
        {
            if (problem(result) is { } message)
            {
                result.AddError(message);
            }
        });
        return option;
    }

    /// <summary>
    /// Adds a check of the command's options taken together (for example "give A, or B and C"); <paramref name="problem"/>
    /// returns the error or null. Prefer <see cref="Check{T}(Option{T}, Func{OptionResult, string?})"/> where the rule
    /// belongs to one given option: a failing command check hides the options' own checks.
    /// </summary>
    public static Command Require(this Command command, Func<CommandResult, string?> problem)
    {
        command.Validators.Add(result =>
        {
            if (problem(result) is { } message)
            {
                result.AddError(message);
            }
        });
        return command;
    }

    /// <summary>Adds a check to an argument that may look at options too; <paramref name="problem"/> returns the error or null.</summary>
    public static Argument<T> Check<T>(this Argument<T> argument, Func<ArgumentResult, string?> problem)
    {
        argument.Validators.Add(result =>
        {
            if (problem(result) is { } message)
            {
                result.AddError(message);
            }
        });
        return argument;
    }
}
