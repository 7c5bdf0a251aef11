using System.Globalization;

namespace Quanet.Core.Units;

/// <summary>The checks every unit constructor and factory shares, so each names the parameter the caller passed.</summary>
internal static class UnitCheck
{
    /// <summary>
    /// <paramref name="converted"/> if it is a finite length >= 0; otherwise throws naming <paramref name="paramName"/>
    /// and the value the caller gave in <paramref name="unit"/>.
    /// </summary>
    public static double Length(double converted, double given, string unit, string paramName, string what = "length")
    {
        // a conversion can overflow a finite argument to infinity, so the converted value is the one checked
        if (!double.IsFinite(converted) || !(given >= 0))
        {
            throw new ArgumentOutOfRangeException(paramName, given, $"{what} must be a finite number of {unit} >= 0, got {Text(given)}");
        }

        return converted;
    }

    /// <summary>
    /// <paramref name="converted"/> if it is finite and > 0; otherwise throws naming <paramref name="paramName"/> and the value
    /// the caller gave in <paramref name="unit"/> (empty for a plain ratio).
    /// </summary>
    public static double Positive(double converted, double given, string what, string unit, string paramName)
    {
        if (!double.IsFinite(converted) || !(converted > 0))
        {
            var of = unit.Length == 0 ? string.Empty : " of " + unit;
            throw new ArgumentOutOfRangeException(paramName, given, $"{what} must be a finite number{of} > 0, got {Text(given)}");
        }

        return converted;
    }

    /// <summary><paramref name="value"/> if it is finite; otherwise throws naming <paramref name="paramName"/>.</summary>
    public static double Finite(double value, string what, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{what} must be a finite number, got {Text(value)}");
        }

        return value;
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
