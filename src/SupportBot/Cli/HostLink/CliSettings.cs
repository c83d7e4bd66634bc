using SupportBot.Storage.LiteDb;

namespace SupportBot.Host.Cli.HostLink;

/// <summary>
/// The settings a data command needs, read the way the host reads them (appsettings beside the program,
/// the environment's appsettings, environment variables, then <c>--Section:Key value</c> arguments), so
/// a command and a host started the same way agree on <c>Storage:Path</c>.
/// </summary>
internal sealed record CliSettings(string DatabasePath)
{
    public static CliSettings Load(IReadOnlyList<string> configurationArgs)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? "Production";
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. configurationArgs])
            .Build();
        var storage = configuration.GetSection(LiteDbOptions.SectionName).Get<LiteDbOptions>() ?? new LiteDbOptions();
        if (string.IsNullOrWhiteSpace(storage.Path))
        {
            throw new CliException("Storage:Path is empty; it must name the SupportBot database file.");
        }

        return new CliSettings(Path.GetFullPath(storage.Path));
    }
}
