namespace Quanet.Planning.Capacity;

/// <summary>Capacity and busy-hour load of one open site.</summary>
/// <param name="Site">Site index in the scenario.</param>
/// <param name="PeopleServed">People it serves as strongest server with an SINR of at least CQI 1's.</param>
/// <param name="MeanEfficiency">Their mean spectral efficiency, bit/s/Hz (0 when it serves nobody).</param>
/// <param name="CapacityMbps">Bandwidth x sectors x <paramref name="MeanEfficiency"/>, Mbit/s.</param>
/// <param name="LoadMbps">Their busy-hour traffic, Mbit/s.</param>
public sealed record SiteLoad(int Site, double PeopleServed, double MeanEfficiency, double CapacityMbps, double LoadMbps)
{
    /// <summary>Whether the load exceeds the capacity.</summary>
    public bool OverCapacity => LoadMbps > CapacityMbps + 1e-9;
}
