using Quanet.Core.Units;

namespace Quanet.Planning.Radio;

/// <summary>
/// A downlink link budget: EIRP, receive gain and losses against the receiver sensitivity give the maximum
/// allowed path loss (MAPL). Defaults describe an LTE 800 macro cell serving handhelds indoors in a rural area.
/// </summary>
public sealed record LinkBudget
{
    /// <summary>Thermal noise density at 290 K, dBm/Hz.</summary>
    public const double ThermalNoiseDensityDbmPerHz = -174.0;

    /// <summary>Transmit power at the amplifier output, dBm. <value>Default 46 dBm (40 W).</value></summary>
    public double TxPowerDbm { get; init; } = 46;

    /// <summary>Base-station antenna gain, dBi. <value>Default 17 dBi (sector panel).</value></summary>
    public double TxAntennaGainDbi { get; init; } = 17;

    /// <summary>Feeder, connector and combiner loss, dB. <value>Default 2 dB.</value></summary>
    public double CableLossDb { get; init; } = 2;

    /// <summary>User antenna gain, dBi. <value>Default 0 dBi.</value></summary>
    public double RxAntennaGainDbi { get; init; }

    /// <summary>Body loss at the handset, dB. <value>Default 3 dB.</value></summary>
    public double BodyLossDb { get; init; } = 3;

    /// <summary>Building penetration loss, dB. <value>Default 12 dB (indoor coverage, rural buildings).</value></summary>
    public double PenetrationLossDb { get; init; } = 12;

    /// <summary>Shadow-fading margin, dB. <value>Default 6 dB.</value></summary>
    public double FadeMarginDb { get; init; } = 6;

    /// <summary>Receiver noise figure, dB. <value>Default 7 dB.</value></summary>
    public double NoiseFigureDb { get; init; } = 7;

    /// <summary>Receiver noise bandwidth, Hz; the transmit power is spread over it. <value>Default 10 MHz (an LTE carrier).</value></summary>
    public double BandwidthHz { get; init; } = 10e6;

    /// <summary>Required SNR at the cell edge, dB. <value>Default -6 dB (robust control channels at the cell edge).</value></summary>
    public double RequiredSnrDb { get; init; } = -6;

    /// <summary>Receiver sensitivity given directly, dBm; overrides noise figure, bandwidth and SNR when set.</summary>
    public double? SensitivityDbm { get; init; }

    /// <summary>Effective isotropic radiated power: power + antenna gain - cable loss.</summary>
    public Decibels Eirp => new(TxPowerDbm + TxAntennaGainDbi - CableLossDb);

    /// <summary>Receiver sensitivity: the given one, or -174 dBm/Hz + 10 log10(B) + NF + SNR.</summary>
    public Decibels Sensitivity => new(SensitivityDbm
        ?? ThermalNoiseDensityDbmPerHz + (10 * Math.Log10(BandwidthHz)) + NoiseFigureDb + RequiredSnrDb);

    /// <summary>Maximum allowed path loss: EIRP + G_rx - body - penetration - fade margin - sensitivity.</summary>
    public Decibels MaximumPathLoss =>
        new(Eirp.Value + RxAntennaGainDbi - BodyLossDb - PenetrationLossDb - FadeMarginDb - Sensitivity.Value);
}
