using System.CommandLine;
using Quanet.Core.Text;

namespace Quanet.Cli.Infrastructure;

/// <summary>
/// Checks of input and output paths, run by the parser before any work: an input must exist, an output's folder must
/// exist and be a folder. Paths are echoed escaped.
/// </summary>
internal static class FileValidators
{
    private const int MaxPathLength = 500;

    /// <summary>The file must exist.</summary>
    public static Argument<FileInfo> MustExist(this Argument<FileInfo> argument)
    {
        argument.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo>() is { Exists: false } file)
            {
                result.AddError($"file not found: {Printable.Escape(file.FullName, MaxPathLength)}");
            }
        });
        return argument;
    }

    /// <summary>Every path must exist, as a file or a folder.</summary>
    public static Argument<string[]> MustExistAsFileOrFolder(this Argument<string[]> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var path in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!File.Exists(path) && !Directory.Exists(path))
                {
                    result.AddError($"file not found: {Printable.Escape(Path.GetFullPath(path), MaxPathLength)}");
                }
            }
        });
        return argument;
    }

    /// <summary>The file, when given, must exist.</summary>
    public static Option<FileInfo?> MustExist(this Option<FileInfo?> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo?>() is { Exists: false } file)
            {
                result.AddError($"{option.Name}: file not found: {Printable.Escape(file.FullName, MaxPathLength)}");
            }
        });
        return option;
    }

    /// <summary>The file, when given, must be one the command can create: its folder exists and is a folder.</summary>
    public static Option<T> MustBeWritable<T>(this Option<T> option)
    {
        option.Validators.Add(result =>
        {
            if (WriteProblem(option.Name, result.GetValueOrDefault<T>()) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return option;
    }

    /// <summary>The output file must be one the command can create: its folder exists and is a folder.</summary>
    public static Argument<FileInfo> MustBeWritable(this Argument<FileInfo> argument)
    {
        argument.Validators.Add(result =>
        {
            if (WriteProblem(argument.Name, result.GetValueOrDefault<FileInfo>()) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return argument;
    }

    // only the folder is checked: whether the file itself may be written is known when it is opened (and then reported as one line too)
    private static string? WriteProblem(string name, object? value)
    {
        var path = value switch
        {
            FileSystemInfo info => info.FullName,
            string text when text.Length > 0 => Path.GetFullPath(text),
            _ => null,
        };
        if (path is null || Path.GetDirectoryName(path) is not { } folder)
        {
            return null;
        }

        return Directory.Exists(folder) ? null
            : File.Exists(folder) ? $"{name} {Printable.Escape(path, MaxPathLength)}: {Printable.Escape(folder, MaxPathLength)} is a file, not a folder"
            : $"{name} {Printable.Escape(path, MaxPathLength)}: folder {Printable.Escape(folder, MaxPathLength)} does not exist";
    }
}
