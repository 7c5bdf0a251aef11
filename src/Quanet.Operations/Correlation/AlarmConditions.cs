namespace Quanet.Operations.Correlation;

/// <summary>
/// The alarm conditions (VES <c>alarmCondition</c>) the correlator reasons about. Names follow what
/// RAN and transport equipment report: loss of signal on an interface, management connectivity loss
/// raised by the EMS, the F1 (O-DU to O-CU) link failure, the O-RAN fronthaul (C/U-plane) link loss,
/// dying gasp (IEEE 802.3ah) and mains failure from the site, PM threshold crossings on cells.
/// </summary>
public static class AlarmConditions
{
    /// <summary>Loss of signal on a transport interface (alarmInterfaceA = link id).</summary>
    public const string LinkDown = "LINK_DOWN";

    /// <summary>The EMS lost management connectivity to the element.</summary>
    public const string NeUnreachable = "NE_UNREACHABLE";

    /// <summary>F1 link between the O-DU (source) and its O-CU failed.</summary>
    public const string F1LinkFailure = "F1_LINK_FAILURE";

    /// <summary>O-RU lost its fronthaul C/U-plane link to the O-DU.</summary>
    public const string FronthaulLoss = "FRONTHAUL_LOSS";

    /// <summary>Dying gasp: the site router lost power.</summary>
    public const string DyingGasp = "DYING_GASP";

    /// <summary>Site mains power failed (site on battery).</summary>
    public const string MainsFailure = "MAINS_FAILURE";

    /// <summary>The O-DU software reported a fatal fault before restarting or stopping.</summary>
    public const string SoftwareFault = "SOFTWARE_FAULT";

    /// <summary>Voltage standing wave ratio too high at the O-RU antenna port (hardware).</summary>
    public const string VswrHigh = "VSWR_HIGH";

    /// <summary>
    /// A cell (source = the O-RU serving the sector) is out of service, raised by the O-CU: it learns
    /// through F1 (TS 38.473 F1 setup / gNB-DU configuration update carry the DU's served cells) that
    /// the cells of a DU it lost are gone, and reports the NRCellCU/NRCellDU state change (TS 28.541
    /// operationalState DISABLED) as an alarm (TS 28.532 notifyNewAlarm). The DU cannot report it: it is
    /// dark or cut off.
    /// </summary>
    public const string CellUnavailable = "CELL_UNAVAILABLE";

    /// <summary>
    /// The Xn-C (SCTP) association to a neighbour gNB failed, raised by the gNB-CU that is still up
    /// (source) about its peer gNB-CU (alarmInterfaceA = peer CU id). Xn-C terminates in the gNB-CU
    /// (TS 38.401 6.1.1); associations exist between gNBs with neighbouring cells (TS 38.423 Xn setup).
    /// </summary>
    public const string XnLinkFailure = "XN_LINK_FAILURE";

    /// <summary>Equipment temperature warning.</summary>
    public const string HighTemperature = "HIGH_TEMPERATURE";

    /// <summary>Threshold crossing: RRC setup success rate too low.</summary>
    public const string TcaRrcSuccess = "TCA:rrc_setup_success_rate";

    /// <summary>Threshold crossing: downlink block error rate too high.</summary>
    public const string TcaBler = "TCA:dl_bler";

    /// <summary>Threshold crossing: PRB utilisation too high.</summary>
    public const string TcaPrb = "TCA:prb_utilisation";

    /// <summary>Threshold crossing: user downlink throughput too low.</summary>
    public const string TcaThroughput = "TCA:dl_user_throughput";

    /// <summary>VES notification changeType of a configuration change.</summary>
    public const string ConfigurationChange = "configurationChange";

    /// <summary>The observation key of an alarm: condition, source and interface.</summary>
    public static string Key(string condition, string source, string iface = "") => $"{condition}|{source}|{iface}";
}
