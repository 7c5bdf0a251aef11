using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Security.Qkd;

namespace Quanet.Cli.Commands.Qkd;

/// <summary>The link-physics options shared by `qkd rate`, `qkd simulate` and `secure` (defaults: GYS).</summary>
internal sealed class LinkOptions
{
    private static readonly QkdLinkParameters Gys = QkdLinkParameters.Gys;

    private static readonly string[] ProtocolNames = ["decoy", "vacuum-weak", "gllp"];

    public Option<double> Attenuation { get; } = new Option<double>("--attenuation") { Description = "Fibre loss in dB/km (default 0.21)", DefaultValueFactory = _ => Gys.AttenuationDbPerKm }.MustBeNonNegative();

    public Option<double> DetectorEfficiency { get; } = new Option<double>("--detector-efficiency") { Description = "Bob's detection efficiency in (0, 1] (default 0.045)", DefaultValueFactory = _ => Gys.DetectorEfficiency }.MustBeIn("(0, 1]", v => v > 0 && v <= 1);

    public Option<double> DarkCountYield { get; } = new Option<double>("--dark-count-yield") { Description = "Dark-count yield Y0 per pulse (default 1.7e-6)", DefaultValueFactory = _ => Gys.DarkCountYield }.MustBeIn("[0, 1)", v => v >= 0 && v < 1);

    public Option<double> Misalignment { get; } = new Option<double>("--misalignment") { Description = "Misalignment error e_d (default 0.033)", DefaultValueFactory = _ => Gys.Misalignment }.MustBeIn("[0, 0.5]", v => v >= 0 && v <= 0.5);

    public Option<double> EcEfficiency { get; } = new Option<double>("--ec-efficiency") { Description = "Error-correction inefficiency f >= 1 (default 1.22)", DefaultValueFactory = _ => Gys.ErrorCorrectionEfficiency }.Must(v => v >= 1 && double.IsFinite(v), "must be >= 1");

    public Option<double> ClockRate { get; } = new Option<double>("--clock-rate") { Description = "Source clock rate in Hz (default 1e9)", DefaultValueFactory = _ => Gys.ClockRateHz }.MustBePositive();

    public Option<double> DecoyIntensity { get; } = new Option<double>("--decoy-intensity") { Description = "Weak decoy mean photon number nu for vacuum-weak (default 0.1)", DefaultValueFactory = _ => Gys.DecoyIntensity }.MustBeIn("(0, 1)", v => v > 0 && v < 1);

    public Option<string> Protocol { get; } = new Option<string>("--protocol") { Description = "Key-rate bound: decoy (infinite decoys), vacuum-weak, gllp (no decoys)", DefaultValueFactory = _ => "decoy" }.MustBeOneOf(ProtocolNames);

    public void AddTo(Command command, bool withProtocol = true)
    {
        command.Options.Add(Attenuation);
        command.Options.Add(DetectorEfficiency);
        command.Options.Add(DarkCountYield);
        command.Options.Add(Misalignment);
        command.Options.Add(EcEfficiency);
        command.Options.Add(ClockRate);
        command.Options.Add(DecoyIntensity);
        if (withProtocol)
        {
            command.Options.Add(Protocol);
        }
    }

    /// <summary>The link parameters from the options (already range-checked by the parser; the library checks again).</summary>
    public QkdLinkParameters Read(CommandContext context)
    {
        var link = new QkdLinkParameters
        {
            AttenuationDbPerKm = context.Get(Attenuation),
            DetectorEfficiency = context.Get(DetectorEfficiency),
            DarkCountYield = context.Get(DarkCountYield),
            Misalignment = context.Get(Misalignment),
            ErrorCorrectionEfficiency = context.Get(EcEfficiency),
            ClockRateHz = context.Get(ClockRate),
            DecoyIntensity = context.Get(DecoyIntensity),
        };
        link.Validate();
        return link;
    }

    public QkdProtocol ReadProtocol(CommandContext context) => ParseProtocol(context.Get(Protocol) ?? "decoy");

    public static QkdProtocol ParseProtocol(string name) => name.ToLowerInvariant() switch
    {
        "decoy" => QkdProtocol.Decoy,
        "vacuum-weak" => QkdProtocol.VacuumWeak,
        "gllp" => QkdProtocol.Gllp,
        _ => throw new ArgumentException($"unknown protocol '{name}' (known: {string.Join(", ", ProtocolNames)})", nameof(name)),
    };

    public static string Name(QkdProtocol protocol) => protocol switch
    {
        QkdProtocol.Decoy => "decoy",
        QkdProtocol.VacuumWeak => "vacuum-weak",
        _ => "gllp",
    };
}
