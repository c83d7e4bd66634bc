using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SupportBot.Host.Channels.Slack.SocketMode;

public static class SlackSocketModeExtensions
{
    public const string HttpClientName = "SlackSocketMode";

    /// <summary>Registers the Socket Mode client (idle unless <c>Slack:UseSocketMode</c> and <c>Slack:AppToken</c>); safe to call twice.</summary>
    public static IServiceCollection AddSlackSocketMode(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(SlackSocketModeClient)))
        {
            return services;
        }

        services.AddOptions<SlackSocketModeOptions>().Bind(configuration.GetSection(SlackOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(15);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });
        services.AddSingleton<SlackSocketModeClient>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackSocketModeClient>());
        return services;
    }
}
