using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Escalations;
using SupportBot.Host.Hosting;
using SupportBot.Storage;
using SupportBot.Transcripts.Verification;
using SupportBot.Turns;

namespace SupportBot.Host.Cli.Transcripts;

/// <summary>
/// The bot the host runs, built for replaying a transcript offline: <see cref="SupportBotServiceCollectionExtensions.AddSupportBotCore"/>
/// with the same settings, but in-memory stores in place of the database (so no database file is opened
/// and a live host can keep running beside it) and a clock the replay controls.
/// </summary>
internal static class ReplayServices
{
    /// <summary>The host's settings: <c>appsettings.json</c> beside the program, environment variables, then <c>--Section:Key value</c> arguments.</summary>
    /// <param name="dialogsPath">Replaces <c>Dialogs:Path</c> when given.</param>
    public static IConfiguration Configuration(string[] configurationArgs, string? dialogsPath)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(configurationArgs);
        if (dialogsPath is not null)
        {
            builder.AddInMemoryCollection([new(DialogsOptions.SectionName + ":" + nameof(DialogsOptions.Path), dialogsPath)]);
        }

        return builder.Build();
    }

    /// <summary>A service provider with the whole bot on fresh in-memory stores, telling time by <paramref name="clock"/>.</summary>
    /// <param name="content">Playbooks and knowledge already loaded; null to load them from the settings.</param>
    public static ServiceProvider Build(IConfiguration configuration, TimeProvider clock, ILoggerFactory loggerFactory, ReplayContent? content = null)
    {
        var services = new ServiceCollection();

        // Registered before the core so its TryAdd of the system clock and of logging keep these.
        services.AddSingleton(clock);
        services.AddSingleton(loggerFactory);
        services.AddLogging();
        services.AddSupportBotCore(configuration);

        services.RemoveAll<IStorage>();
        services.RemoveAll<ITranscriptStore>();
        services.RemoveAll<IEscalationStore>();
        services.AddSingleton<IStorage, MemoryStorage>();
        services.AddSingleton<ITranscriptStore, MemoryTranscriptStore>();
        services.AddSingleton<IEscalationStore, MemoryEscalationStore>();
        content?.ReplaceIn(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>Makes a fresh bot per transcript, as <see cref="TranscriptVerifier"/> wants them, all on the same loaded content.</summary>
    public static ReplayBotFactory BotFactory(IConfiguration configuration, ILoggerFactory loggerFactory, ReplayContent content) => clock =>
    {
        var provider = Build(configuration, clock, loggerFactory, content);
        try
        {
            return new ReplayBot(provider.GetRequiredService<TurnPipeline>(), provider.GetRequiredService<ITranscriptStore>(), provider);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    };
}
