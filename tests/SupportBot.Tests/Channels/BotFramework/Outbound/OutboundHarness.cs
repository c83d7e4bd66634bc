using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Activities;
using SupportBot.Host.Channels.BotFramework;
using SupportBot.Host.Channels.BotFramework.Outbound;
using SupportBot.Host.Hosting;

namespace SupportBot.Tests.Channels.BotFramework.Outbound;

/// <summary>
/// The outbound stack as <see cref="BotConnectorServiceCollectionExtensions.AddBotConnector"/> wires it, pointed at a
/// fake connector and a fake token endpoint on loopback, with a fake clock, fixed jitter (factor 1) and no pacing unless
/// a test asks for it, and every log line captured.
/// </summary>
internal sealed class OutboundHarness : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";

    /// <summary>Characters that need form encoding, so the test also checks the form is built properly.</summary>
    public const string Secret = "Sup3r~Secret.Value+with/odd=chars&more";

    public const string ChannelConversation = "19:abc@thread.tacv2";

    public const string Conversation = "19:abc@thread.tacv2;messageid=1700000000123";

    private OutboundHarness(FakeConnectorService connector, FakeTokenEndpoint tokenEndpoint, ServiceProvider services, ObservableClock clock, OutboundLogCapture logs)
    {
        Connector = connector;
        TokenEndpoint = tokenEndpoint;
        Services = services;
        Clock = clock;
        Logs = logs;
    }

    public FakeConnectorService Connector { get; }

    public FakeTokenEndpoint TokenEndpoint { get; }

    public ServiceProvider Services { get; }

    public ObservableClock Clock { get; }

    public OutboundLogCapture Logs { get; }

    public ConnectorClient Client => Services.GetRequiredService<ConnectorClient>();

    public IConnectorTokenProvider Tokens => Services.GetRequiredService<IConnectorTokenProvider>();

    public string ServiceUrl => Connector.ServiceUrl;

    public static async Task<OutboundHarness> StartAsync(
        bool anonymous = false, Action<TeamsOptions>? teams = null, Action<ConnectorClientOptions>? client = null)
    {
        var connector = await FakeConnectorService.StartAsync();
        var tokenEndpoint = await FakeTokenEndpoint.StartAsync();
        var clock = new ObservableClock();
        var logs = new OutboundLogCapture();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSingleton<TimeProvider>(clock);
        services.AddOptions<TeamsOptions>().Configure(o =>
        {
            if (!anonymous)
            {
                o.AppId = AppId;
                o.AppPassword = Secret;
            }

            o.TokenEndpoint = tokenEndpoint.Url;
            teams?.Invoke(o);
        });
        services.AddOptions<ConnectorClientOptions>().Configure(o =>
        {
            o.MinSendInterval = TimeSpan.Zero;
            o.NextRandom = () => 0.5;
            client?.Invoke(o);
        });
        services.AddBotConnector();
        return new OutboundHarness(connector, tokenEndpoint, services.BuildServiceProvider(validateScopes: true), clock, logs);
    }

    public static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Connector.DisposeAsync();
        await TokenEndpoint.DisposeAsync();
    }
}
