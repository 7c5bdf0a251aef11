using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Quanet.Cli.Infrastructure;

/// <summary>What a command's body gets: its parse result, the output streams and the JSON writer.</summary>
internal sealed class CommandContext
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public CommandContext(ParseResult parseResult, TextWriter output, TextWriter error)
    {
        ParseResult = parseResult;
        Output = output;
        Error = error;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ReferenceEquals(output, System.Console.Out) ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = ReferenceEquals(output, System.Console.Out) ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!ReferenceEquals(output, System.Console.Out) || System.Console.IsOutputRedirected)
        {
            // a file or a pipe has no width: Spectre's 80-column default would wrap table cells mid-word ("198.51.1 00.7")
            Console.Profile.Width = UnboundedWidth;
        }
    }

    // wide enough for any row Quanet prints, small enough for Spectre's layout arithmetic
    private const int UnboundedWidth = 10_000;

    /// <summary>The parsed command line.</summary>
    public ParseResult ParseResult { get; }

    /// <summary>Standard output (tables, or the one JSON document).</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error (error lines, progress notes).</summary>
    public TextWriter Error { get; }

    /// <summary>Spectre console writing to <see cref="Output"/>, for tables and progress.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Gets an option's value.</summary>
    public T? Get<T>(Option<T> option) => ParseResult.GetValue(option);

    /// <summary>Gets an argument's value.</summary>
    public T? Get<T>(Argument<T> argument) => ParseResult.GetValue(argument);

    /// <summary>Writes <paramref name="value"/> as the single JSON document on stdout (snake_case names).</summary>
    public void WriteJson<T>(T value)
    {
        Output.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
    }

    /// <summary>Serializer settings used for every JSON document the CLI prints.</summary>
    public static JsonSerializerOptions SerializerOptions => JsonOptions;
}
