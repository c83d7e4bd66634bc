using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupportBot.Host.Hosting;

namespace SupportBot.Host.Channels.BotFramework.Authentication;

public static class BotFrameworkAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Registers inbound Bot Framework authentication and makes it the <see cref="IActivityAuthenticator"/>:
    /// <see cref="AnonymousLocalAuthenticator"/> when <c>Teams:AppId</c> is not set, else <see cref="JwtActivityAuthenticator"/>.
    /// Replaces any <see cref="IActivityAuthenticator"/> registered earlier. Expects <see cref="TeamsOptions"/> to be bound
    /// from configuration by the caller; binds <see cref="BotFrameworkAuthenticationOptions"/> (<c>Teams:Issuer</c>,
    /// <c>Teams:ClockSkew</c>) itself.
    /// </summary>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<TeamsOptions>();
        services.AddOptions<BotFrameworkAuthenticationOptions>().BindConfiguration(TeamsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkAuthenticationOptions>, BotFrameworkAuthenticationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(BotFrameworkSigningKeyStore.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(15);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });
        services.TryAddSingleton<BotFrameworkSigningKeyStore>();
        services.TryAddSingleton(sp => new JwtActivityAuthenticator(
            sp.GetRequiredService<BotFrameworkSigningKeyStore>(),
            sp.GetRequiredService<IOptions<TeamsOptions>>(),
            sp.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<JwtActivityAuthenticator>>()));

        services.RemoveAll<IActivityAuthenticator>();
        services.AddSingleton<IActivityAuthenticator>(sp =>
            sp.GetRequiredService<IOptions<TeamsOptions>>().Value.IsAnonymous
                ? new AnonymousLocalAuthenticator()
                : sp.GetRequiredService<JwtActivityAuthenticator>());
        return services;
    }
}
