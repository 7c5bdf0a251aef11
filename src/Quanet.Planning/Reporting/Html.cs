using System.Globalization;
using System.Net;

namespace Quanet.Planning.Reporting;

/// <summary>HTML helpers for report sections.</summary>
public static class Html
{
    /// <summary>Escapes text for HTML content or attributes.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>Formats a number with thousands separators and the given decimals.</summary>
    public static string Number(double value, int decimals = 0) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Writes a table with a header row; cells are escaped.</summary>
    public static void Table(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? cssClass = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        writer.Write(cssClass is null ? "<table>" : $"<table class=\"{cssClass}\">");
        writer.Write("<thead><tr>");
        foreach (var h in header)
        {
            writer.Write($"<th>{Escape(h)}</th>");
        }

        writer.Write("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            writer.Write("<tr>");
            foreach (var cell in row)
            {
                writer.Write($"<td>{Escape(cell)}</td>");
            }

            writer.Write("</tr>");
        }

        writer.WriteLine("</tbody></table>");
    }
}
