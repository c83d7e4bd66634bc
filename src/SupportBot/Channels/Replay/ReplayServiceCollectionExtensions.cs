using SupportBot.Bot;
using SupportBot.Transcripts.Chat;

namespace SupportBot.Host.Channels.Replay;

public static class ReplayServiceCollectionExtensions
{
    /// <summary>
    /// The trainer chat commands (<c>transcripts …</c>, <c>replay N</c>) for every host that runs turns (web host and
    /// terminal chat): the commands, <see cref="ReplayOptions"/>, the <see cref="ReplayWorker"/>, and posting replays
    /// into web chat and terminal conversations.
    /// </summary>
    public static IServiceCollection AddTrainerChatCommands(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ReplayOptions>().Bind(configuration.GetSection(ReplayOptions.SectionName))
            .Validate(o => o.ReplayInterval >= TimeSpan.Zero && o.ReplayInterval <= ReplayOptions.MaxReplayInterval,
                "Training:ReplayInterval must be between 00:00:00 and 00:01:00 (the pause between two turns of a replay).")
            .ValidateOnStart();
        services.AddSingleton<IChatCommand, TranscriptsChatCommand>();
        services.AddSingleton<IChatCommand, ReplayChatCommand>();
        services.AddSingleton<ReplayWorker>();
        services.AddSingleton<IReplayQueue>(sp => sp.GetRequiredService<ReplayWorker>());
        services.AddSingleton<IReplayChannel, WebChatReplayChannel>();
        services.AddSingleton<IReplayChannel>(_ => new TerminalReplayChannel(Console.Out));
        return services;
    }

    /// <summary>Posting replays into Slack and Bot Framework (Teams) conversations; expects <c>AddSlack</c> and <c>AddBotConnector</c>.</summary>
    public static IServiceCollection AddChatPlatformReplays(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IReplayChannel, SlackReplayChannel>();
        services.AddSingleton<IReplayChannel, BotFrameworkReplayChannel>();
        return services;
    }
}
