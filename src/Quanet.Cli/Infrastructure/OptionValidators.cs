using System.CommandLine;
using System.Globalization;
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
            if (result.GetValueOrDefault<string>() is not { } name)
            {
                return;
            }

            if (!family.Accepts(name))
            {
                result.AddError(family.UnknownName(name, option.Name));
            }
            else if (family.NotAvailable(name) is { } why)
            {
                result.AddError($"{option.Name} {why}");
            }
        });
        return option;
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

    private static string Show<T>(T value) => value switch
    {
        null => "nothing",
        string s => $"'{s}'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
