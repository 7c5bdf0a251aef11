namespace Quanet.Planning.Geography;

/// <summary>A populated place of the GeoNames extract.</summary>
/// <param name="GeonamesId">GeoNames identifier.</param>
/// <param name="Name">Place name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code.</param>
/// <param name="Admin1">GeoNames first-level administrative code (e.g. 02 = Bavaria).</param>
/// <param name="FeatureCode">GeoNames feature code (PPL, PPLA, PPLC, ...).</param>
/// <param name="Population">Inhabitants.</param>
/// <param name="Location">Position.</param>
public sealed record Place(long GeonamesId, string Name, string Country, string Admin1, string FeatureCode, long Population, GeoPoint Location);
