using Quanet.Planning.Placement;

namespace Quanet.Planning.Geography;

/// <summary>
/// The <c>flag</c> of a candidate site as every candidate reader (CSV, GeoJSON, GeoPackage, Shapefile) parses it:
/// <c>free</c> (or blank), <c>fixed</c> (must be built or kept), <c>forbidden</c>, or <c>existing</c> (a site already
/// on air whose keeping costs its own cost; the solver may keep or remove it).
/// </summary>
/// <param name="Flag">What the solver may do.</param>
/// <param name="Existing">Whether the site exists today (brownfield).</param>
public readonly record struct CandidateFlag(SiteFlag Flag, bool Existing)
{
    /// <summary>The accepted values, for error messages.</summary>
    public const string Expected = "free, fixed, forbidden or existing";

    /// <summary>The flag of <paramref name="text"/> (case-insensitive, surrounding blanks ignored), or null when it is none of <see cref="Expected"/>.</summary>
    public static CandidateFlag? Parse(string? text) => (text ?? string.Empty).Trim().ToUpperInvariant() switch
    {
        "" or "FREE" => new CandidateFlag(SiteFlag.Free, false),
        "FIXED" => new CandidateFlag(SiteFlag.Fixed, false),
        "FORBIDDEN" => new CandidateFlag(SiteFlag.Forbidden, false),
        "EXISTING" => new CandidateFlag(SiteFlag.Free, true),
        _ => null,
    };
}
