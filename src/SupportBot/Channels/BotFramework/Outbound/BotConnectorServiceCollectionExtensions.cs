using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupportBot.Host.Hosting;

namespace SupportBot.Host.Channels.BotFramework.Outbound;

public static class BotConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers outbound Bot Connector calls: <see cref="IConnectorTokenProvider"/> (<see cref="AnonymousConnectorTokenProvider"/>
    /// when <c>Teams:AppId</c> is not set, else <see cref="ClientCredentialsTokenProvider"/> with its own named HttpClient),
    /// the shared per-conversation <see cref="ConversationSendGate"/>, <see cref="ConnectorClientOptions"/> and the
    /// <see cref="ConnectorClient"/> typed HttpClient. Replaces any <see cref="IConnectorTokenProvider"/> registered earlier.
    /// Expects <see cref="TeamsOptions"/> to be bound from configuration by the caller.
    /// </summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<TeamsOptions>();
        services.AddOptions<ConnectorClientOptions>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(ClientCredentialsTokenProvider.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(15);
            client.MaxResponseContentBufferSize = 64 * 1024;
        });
        services.TryAddSingleton(sp => new ClientCredentialsTokenProvider(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<TeamsOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ClientCredentialsTokenProvider>>()));

        services.RemoveAll<IConnectorTokenProvider>();
        services.AddSingleton<IConnectorTokenProvider>(sp =>
            sp.GetRequiredService<IOptions<TeamsOptions>>().Value.IsAnonymous
                ? new AnonymousConnectorTokenProvider()
                : sp.GetRequiredService<ClientCredentialsTokenProvider>());

        services.TryAddSingleton(sp => new ConversationSendGate(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ConnectorClientOptions>>()));
        services.AddHttpClient<ConnectorClient>(client =>
        {
            client.Timeout = TimeSpan.FromSeconds(15);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });
        return services;
    }
}
