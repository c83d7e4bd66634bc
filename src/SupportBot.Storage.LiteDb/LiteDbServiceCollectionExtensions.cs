using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupportBot.Storage.LiteDb;

public static class LiteDbServiceCollectionExtensions
{
    /// <summary>
    /// Registers the LiteDB-backed <see cref="IStorage"/> and <see cref="ITranscriptStore"/> on the one
    /// <see cref="LiteDbContext"/> of the process, configured from the <c>Storage</c> section.
    /// </summary>
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<LiteDbOptions>()
            .Bind(configuration.GetSection(LiteDbOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Storage:Path must name the LiteDB database file.")
            .ValidateOnStart();

        services.AddSingleton(sp => new LiteDbContext(
            sp.GetRequiredService<IOptions<LiteDbOptions>>().Value,
            sp.GetService<ILogger<LiteDbContext>>()));
        services.AddSingleton<LiteDbStorage>();
        services.AddSingleton<LiteDbTranscriptStore>();
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<LiteDbStorage>());
        services.AddSingleton<ITranscriptStore>(sp => sp.GetRequiredService<LiteDbTranscriptStore>());
        services.AddSingleton<SupportBot.Escalations.IEscalationStore, LiteDbEscalationStore>();
        return services;
    }
}
