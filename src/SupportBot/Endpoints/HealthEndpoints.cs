using Microsoft.Extensions.Diagnostics.HealthChecks;
using SupportBot.Playbooks;
using SupportBot.Storage.LiteDb;

namespace SupportBot.Host.Endpoints;

/// <summary><c>/healthz</c>: the process is up. <c>/readyz</c>: the database is open and playbooks are loaded.</summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddSupportBotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<PlaybooksHealthCheck>("playbooks", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapSupportBotHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new() { Predicate = c => c.Tags.Contains(ReadyTag) });
        return endpoints;
    }

    private sealed class DatabaseHealthCheck(LiteDbContext database) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(database.Check()
                ? HealthCheckResult.Healthy($"Database {database.FilePath} is open.")
                : HealthCheckResult.Unhealthy($"Database {database.FilePath} cannot be read."));
    }

    private sealed class PlaybooksHealthCheck(PlaybookCatalog catalog) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(catalog.Playbooks.Count > 0
                ? HealthCheckResult.Healthy($"{catalog.Playbooks.Count} playbooks loaded.")
                : HealthCheckResult.Unhealthy("No playbooks are loaded."));
    }
}
