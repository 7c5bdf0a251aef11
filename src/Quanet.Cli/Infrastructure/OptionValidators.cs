using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Quanet.Core.Text;
using Quanet.Workflows.Solvers;

namespace Quanet.Cli.Infrastructure;

/// <summary>
/// Validators for options and arguments, checked by the parser before any work starts, so every usage
/// problem is reported together (exit code 2) in one wording: <c>--time must be positive (got -1)</c>.
/// Each method returns the option for chaining.
/// </summary>
internal static class OptionValidators
{
    /// <summary>The value must be finite and greater than zero.</summary>
    public static Option<double> MustBePositive(this Option<double> option) =>
        option.Must(v => v > 0 && double.IsFinite(v), "must be positive");

    /// <summary>The value, when given, must be finite and greater than zero.</summary>
    public static Option<double?> MustBePositive(this Option<double?> option) =>
        option.Must(v => v is not { } x || (x > 0 && double.IsFinite(x)), "must be positive");

    /// <summary>The value must be finite and at least zero.</summary>
    public static Option<double> MustBeNonNegative(this Option<double> option) =>
        option.Must(v => v >= 0 && double.IsFinite(v), "must be >= 0");

    /// <summary>The value must be at least <paramref name="minimum"/>.</summary>
    public static Option<int> MustBeAtLeast(this Option<int> option, int minimum) =>
        option.Must(v => v >= minimum, string.Create(CultureInfo.InvariantCulture, $"must be at least {minimum}"));

    /// <summary>The value must be at least <paramref name="minimum"/>.</summary>
    public static Option<long> MustBeAtLeast(this Option<long> option, long minimum) =>
        option.Must(v => v >= minimum, string.Create(CultureInfo.InvariantCulture, $"must be at least {minimum}"));

    /// <summary>The value must lie in <paramref name="interval"/> (written like <c>(0, 1]</c>), checked by <paramref name="inside"/>.</summary>
    public static Option<double> MustBeIn(this Option<double> option, string interval, Func<double, bool> inside) =>
        option.Must(inside, $"must be in {interval}");

    /// <summary>The value, when given, must lie in <paramref name="interval"/>, checked by <paramref name="inside"/>.</summary>
    public static Option<double?> MustBeIn(this Option<double?> option, string interval, Func<double, bool> inside) =>
        option.Must(v => v is not { } x || inside(x), $"must be in {interval}");

    /// <summary>The value must be one of <paramref name="names"/> (case-insensitive); they are also offered as completions.</summary>
    public static Option<string> MustBeOneOf(this Option<string> option, params string[] names)
    {
        option.CompletionSources.Add(names);
        return option.Must(
            v => v is not null && names.Contains(v, StringComparer.OrdinalIgnoreCase),
            $"must be one of {string.Join(", ", names)}");
    }

    /// <summary>
    /// Makes <paramref name="option"/> the <c>--solver</c> of <paramref name="family"/>: its description lists
    /// the entries, its default is the family's, and unknown names are rejected.
    /// </summary>
    public static Option<string> SolverOf<TSolver>(this Option<string> option, SolverFamily<TSolver> family)
    {
        option.Description = $"{option.Description}: {family.Describe()}".TrimStart(':', ' ');
        option.DefaultValueFactory = _ => family.DefaultName;
        option.CompletionSources.Add([.. family.Names]);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } name && !family.Accepts(name))
            {
                result.AddError(family.UnknownName(name, option.Name));
            }
        });
        return option;
    }

    /// <summary>The file must exist.</summary>
    public static Argument<FileInfo> MustExist(this Argument<FileInfo> argument)
    {
        argument.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo>() is { Exists: false } file)
            {
                result.AddError($"file not found: {file.FullName}");
            }
        });
        return argument;
    }

    /// <summary>The file, when given, must be one the command can create: its folder exists and is a folder.</summary>
    public static Option<T> MustBeWritable<T>(this Option<T> option)
    {
        option.Validators.Add(result =>
        {
            if (WriteProblem(option.Name, result.GetValueOrDefault<T>()) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return option;
    }

    /// <summary>The output file must be one the command can create: its folder exists and is a folder.</summary>
    public static Argument<FileInfo> MustBeWritable(this Argument<FileInfo> argument)
    {
        argument.Validators.Add(result =>
        {
            if (WriteProblem(argument.Name, result.GetValueOrDefault<FileInfo>()) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return argument;
    }

    private const int MaxPathLength = 500;

    // only the folder is checked: whether the file itself may be written is known when it is opened (and then reported as one line too)
    private static string? WriteProblem(string name, object? value)
    {
        var path = value switch
        {
            FileSystemInfo info => info.FullName,
            string text when text.Length > 0 => Path.GetFullPath(text),
            _ => null,
        };
        if (path is null || Path.GetDirectoryName(path) is not { } folder)
        {
            return null;
        }

        return Directory.Exists(folder) ? null
            : File.Exists(folder) ? $"{name} {Printable.Escape(path, MaxPathLength)}: {Printable.Escape(folder, MaxPathLength)} is a file, not a folder"
            : $"{name} {Printable.Escape(path, MaxPathLength)}: folder {Printable.Escape(folder, MaxPathLength)} does not exist";
    }

    /// <summary>Adds a check of the option's value; the error reads <c>NAME RULE (got VALUE)</c>.</summary>
    public static Option<T> Must<T>(this Option<T> option, Func<T, bool> valid, string rule)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<T>();
            if (!valid(value))
            {
                result.AddError($"{option.Name} {rule} (got {Show(value)})");
            }
        });
        return option;
    }

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

    private static string Show<T>(T value) => value switch
    {
        null => "nothing",
        string s => $"'{s}'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
