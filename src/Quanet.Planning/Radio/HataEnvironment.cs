namespace Quanet.Planning.Radio;

/// <summary>The terrain class of the Okumura-Hata model.</summary>
public enum HataEnvironment
{
    /// <summary>Urban (the base formula).</summary>
    Urban,

    /// <summary>Suburban: urban minus 2 (log10(f/28))^2 + 5.4.</summary>
    Suburban,

    /// <summary>Open (rural) area: urban minus 4.78 (log10 f)^2 - 18.33 log10 f + 40.94.</summary>
    Open,
}

/// <summary>City size, selecting the mobile-antenna correction a(h_m) of Hata.</summary>
public enum CitySize
{
    /// <summary>Small or medium city.</summary>
    SmallMedium,

    /// <summary>Large city (metropolitan centre).</summary>
    Large,
}
