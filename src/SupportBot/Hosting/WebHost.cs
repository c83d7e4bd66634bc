using Microsoft.Extensions.Options;
using SupportBot.Escalations;
using SupportBot.Host.Channels;
using SupportBot.Host.Channels.BotFramework;
using SupportBot.Host.Channels.LocalBoard;
using SupportBot.Host.Channels.Replay;
using SupportBot.Host.Channels.Slack;
using SupportBot.Host.Channels.Teams;
using SupportBot.Host.Channels.BotFramework.Authentication;
using SupportBot.Host.Channels.BotFramework.Outbound;
using SupportBot.Host.Channels.WebChat;
using SupportBot.Host.Endpoints;

namespace SupportBot.Host.Hosting;

/// <summary>Builds and runs the ASP.NET Core host: the web chat page, the Bot Framework endpoint and health probes.</summary>
public static partial class WebHost
{
    public static WebApplication Build(string[] args)
    {
        // Settings and the web page ship beside the binary; data paths (Storage:Path, Dialogs:Path, ...)
        // stay relative to the working directory, which `dotnet run` sets to the repository root.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddSupportBotCore(builder.Configuration);
        builder.Services.AddSupportBotTelemetry(builder.Configuration);
        builder.Services.AddSupportBotHealthChecks();
        builder.Services.AddOptions<TeamsOptions>().Bind(builder.Configuration.GetSection(TeamsOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        builder.Services.AddBotFrameworkAuthentication();
        builder.Services.AddBotConnector();
        builder.Services.AddSingleton<BotFrameworkAdapter>(sp => new BotFrameworkAdapter(
            sp.GetRequiredService<SupportBot.Turns.TurnPipeline>(), sp.GetRequiredService<ConnectorClient>()));
        builder.Services.AddSingleton<WebChatAdapter>();
        builder.Services.AddSingleton<LocalBoardFeed>();
        builder.Services.AddSingleton<IOutboxChannel, LocalBoardChannel>();
        builder.Services.AddSingleton<IOutboxChannel, ConversationChannel>();
        builder.Services.AddTeamsChannels(builder.Configuration);
        builder.Services.AddSlack(builder.Configuration);

        // Trainer chat commands
        builder.Services.AddChatPlatformReplays();

        builder.Services.AddHostedService<EscalationWorker>();
        builder.Services.AddSingleton<SupportBot.Transcripts.TranscriptPurgeWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SupportBot.Transcripts.TranscriptPurgeWorker>());
        builder.Services.AddSingleton<HostAdminToken>();
        builder.Services.AddSingleton<CallerResolver>();
        builder.Services.AddTranscriptTransfer();

        var app = builder.Build();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapSupportBotHealth();
        app.MapBotFramework();
        app.MapWebChat();
        app.MapSlack();
        app.MapEscalations();
        app.MapTranscripts();
        app.MapTranscriptTransfer();
        app.MapDrills();
        return app;
    }

    /// <summary>Runs the host; returns a non-zero exit code, with the reason printed, when start-up checks fail.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = Build(args);
        if (StartupChecks.Run(app.Services) is { } problem)
        {
            await Console.Error.WriteLineAsync("SupportBot cannot start: " + problem);
            return 1;
        }

        var teams = app.Services.GetRequiredService<IOptions<TeamsOptions>>().Value;
        if (teams.IsAnonymous)
        {
            LogAnonymousMode(app.Logger);
        }

        await app.RunAsync();
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "ANONYMOUS MODE: Teams:AppId is not set, so /api/messages checks no tokens. It accepts requests from this machine only " +
        "and replies only to a local serviceUrl. This is for local development; set Teams:AppId and Teams:AppPassword before connecting Teams.")]
    private static partial void LogAnonymousMode(ILogger logger);
}
