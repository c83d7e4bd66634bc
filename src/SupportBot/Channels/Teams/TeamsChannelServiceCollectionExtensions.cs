using SupportBot.Escalations;

namespace SupportBot.Host.Channels.Teams;

public static class TeamsChannelServiceCollectionExtensions
{
    /// <summary>
    /// Escalations in Teams channels: <see cref="TeamsChannelOptions"/> (section <c>Teams</c>),
    /// <see cref="TeamsRegistrationOptions"/> (<c>Escalations:Admins</c>), the <see cref="TeamsRouteRegistry"/> of channels
    /// registered from Teams, and <see cref="TeamsChannelOutbox"/> for <c>teams:&lt;channel id&gt;</c> destinations.
    /// Expects the Bot Connector (<c>AddBotConnector</c>) and storage to be registered.
    /// </summary>
    public static IServiceCollection AddTeamsChannels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TeamsChannelOptions>().Bind(configuration.GetSection(TeamsChannelOptions.SectionName))
            .Validate(
                o => Uri.TryCreate(o.ServiceUrl, UriKind.Absolute, out var uri)
                    && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)),
                "Teams:ServiceUrl must be an absolute https URL (plain http only for loopback addresses), e.g. " + TeamsChannelOptions.DefaultServiceUrl + ".")
            .ValidateOnStart();
        services.AddOptions<TeamsRegistrationOptions>().Bind(configuration.GetSection(TeamsRegistrationOptions.SectionName));
        services.AddSingleton<TeamsRouteRegistry>();
        services.AddSingleton<IRouteDirectory>(sp => sp.GetRequiredService<TeamsRouteRegistry>());
        services.AddSingleton<IOutboxChannel, TeamsChannelOutbox>();
        return services;
    }
}
