using SupportBot.Host.Channels.Terminal;
using SupportBot.Host.Hosting;
using SupportBot.Turns;

namespace SupportBot.Host.Cli;

/// <summary><c>supportbot chat</c>: a terminal conversation on the same pipeline and database as the web host.</summary>
internal static class ChatCommand
{
    public static async Task<int> RunAsync(string conversationId, string[] configurationArgs, CancellationToken cancellationToken)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configurationArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSupportBotCore(builder.Configuration);
        builder.Services.AddSingleton<TerminalChat>();
        using var host = builder.Build();
        if (StartupChecks.Run(host.Services) is { } problem)
        {
            await Console.Error.WriteLineAsync("SupportBot cannot start: " + problem);
            return 1;
        }

        var chat = new TerminalChat(host.Services.GetRequiredService<TurnPipeline>(), host.Services.GetRequiredService<TimeProvider>());
        return await chat.RunAsync(conversationId, Console.In, Console.Out, cancellationToken);
    }
}
