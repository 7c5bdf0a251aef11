using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Core.Units;
using Quanet.Security.Qkd;

namespace Quanet.Cli.Commands.Qkd;

/// <summary>The link-physics options shared by `qkd rate`, `qkd simulate` and `secure` (defaults: GYS).</summary>
internal sealed class LinkOptions
{
    private static readonly QkdLinkParameters Gys = QkdLinkParameters.Gys;

    public Option<double> Attenuation { get; } = new("--attenuation") { Description = "Fibre loss in dB/km (default 0.21)", DefaultValueFactory = _ => Gys.AttenuationDbPerKm };

    public Option<double> DetectorEfficiency { get; } = new("--detector-efficiency") { Description = "Bob's detection efficiency in (0, 1] (default 0.045)", DefaultValueFactory = _ => Gys.DetectorEfficiency };

    public Option<double> DarkCountYield { get; } = new("--dark-count-yield") { Description = "Dark-count yield Y0 per pulse (default 1.7e-6)", DefaultValueFactory = _ => Gys.DarkCountYield };

    public Option<double> Misalignment { get; } = new("--misalignment") { Description = "Misalignment error e_d (default 0.033)", DefaultValueFactory = _ => Gys.Misalignment };

    public Option<double> EcEfficiency { get; } = new("--ec-efficiency") { Description = "Error-correction inefficiency f >= 1 (default 1.22)", DefaultValueFactory = _ => Gys.ErrorCorrectionEfficiency };

    public Option<double> ClockRate { get; } = new("--clock-rate") { Description = "Source clock rate in Hz (default 1e9)", DefaultValueFactory = _ => Gys.ClockRateHz };

    public Option<double> DecoyIntensity { get; } = new("--decoy-intensity") { Description = "Weak decoy mean photon number nu for vacuum-weak (default 0.1)", DefaultValueFactory = _ => Gys.DecoyIntensity };

    public Option<string> Protocol { get; } = new("--protocol") { Description = "Key-rate bound: decoy (infinite decoys), vacuum-weak, gllp (no decoys)", DefaultValueFactory = _ => "decoy" };

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

    /// <summary>The link parameters from the options, validated (all problems in one ArgumentException).</summary>
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
        _ => throw new UsageException($"unknown protocol '{name}' (expected decoy, vacuum-weak or gllp)"),
    };

    public static string Name(QkdProtocol protocol) => protocol switch
    {
        QkdProtocol.Decoy => "decoy",
        QkdProtocol.VacuumWeak => "vacuum-weak",
        _ => "gllp",
    };

    /// <summary>A distance option value checked to be a finite number of km >= 0.</summary>
    public static Kilometres Distance(double km, string option)
    {
        if (!double.IsFinite(km) || km < 0)
        {
            throw new UsageException($"{option} must be a distance in km >= 0, got {km.ToString(CultureInfo.InvariantCulture)}");
        }

        return new Kilometres(km);
    }
}
