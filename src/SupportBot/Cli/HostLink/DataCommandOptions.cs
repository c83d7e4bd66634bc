using System.CommandLine;

namespace SupportBot.Host.Cli.HostLink;

/// <summary>
/// What every command on the recorded data shares: which database (<c>--Storage:Path</c>, or any other
/// <c>--Section:Key value</c> setting passed through), <c>--verbose</c>, and running against the database or
/// the host holding it with failures printed as one clear line and exit code 1.
/// </summary>
internal sealed class DataCommandOptions
{
    private readonly Option<string?> _storagePath = new("--Storage:Path")
    {
        Description = "The SupportBot database file (default: Storage:Path from appsettings.json).",
    };

    private readonly Option<bool> _verbose = new("--verbose")
    {
        Description = "Say on standard error whether the command opened the database or went through the running host.",
    };

    public static DataCommandOptions AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var options = new DataCommandOptions();
        command.Options.Add(options._storagePath);
        command.Options.Add(options._verbose);
        command.TreatUnmatchedTokensAsErrors = false;
        return options;
    }

    /// <summary>Opens the data, runs <paramref name="action"/> on it, and turns failures into exit code 1 with a message.</summary>
    /// <param name="mayCreate">Whether a missing database may be created (imports).</param>
    /// <param name="settings">More <c>--Section:Key value</c> settings (see <see cref="SplitSettings"/>).</param>
    public async Task<int> RunAsync(ParseResult parse, bool mayCreate, Func<ISupportBotData, Task<int>> action, IReadOnlyList<string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(action);
        var io = CliIo.Of(parse);
        try
        {
            var configuration = CliSettings.Load([.. ConfigurationArgs(parse), .. settings ?? []]);
            await using var data = SupportBotDataOpener.Open(configuration, mayCreate, parse.GetValue(_verbose) ? io.Error : null);
            return await action(data);
        }
        catch (CliException e)
        {
            await io.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    /// <summary>Settings for the configuration: the unmatched <c>--Section:Key value</c> tokens, then <c>--Storage:Path</c>.</summary>
    public string[] ConfigurationArgs(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var args = parse.UnmatchedTokens.ToList();
        if (parse.GetValue(_storagePath) is { Length: > 0 } path)
        {
            args.Add("--Storage:Path");
            args.Add(path);
        }

        return [.. args];
    }

    /// <summary>
    /// Separates <c>--Section:Key value</c> (or <c>--Section:Key=value</c>) settings from the values a
    /// many-valued argument collected: the parser does not know such settings take a value, so after a
    /// list of files it hands them to the list.
    /// </summary>
    public static (IReadOnlyList<string> Values, IReadOnlyList<string> Settings) SplitSettings(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var values = new List<string>();
        var settings = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].StartsWith("--", StringComparison.Ordinal) || !tokens[i].Contains(':', StringComparison.Ordinal))
            {
                values.Add(tokens[i]);
                continue;
            }

            settings.Add(tokens[i]);
            if (!tokens[i].Contains('=', StringComparison.Ordinal) && i + 1 < tokens.Count)
            {
                settings.Add(tokens[++i]);
            }
        }

        return (values, settings);
    }
}
