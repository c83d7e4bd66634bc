using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SupportBot.Telemetry;

namespace SupportBot.Host.Hosting;

internal static class TelemetryExtensions
{
    /// <summary>
    /// Traces (a span per turn and its stages) and metrics, exported over OTLP only when the standard
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise nothing is collected.
    /// </summary>
    public static IServiceCollection AddSupportBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("supportbot"))
            .WithTracing(t => t.AddSource(SupportBotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .WithMetrics(m => m.AddMeter(SupportBotTelemetry.Name).AddAspNetCoreInstrumentation())
            .UseOtlpExporter();
        return services;
    }
}
