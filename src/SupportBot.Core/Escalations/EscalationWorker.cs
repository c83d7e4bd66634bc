using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupportBot.Escalations;

/// <summary>Runs the escalation timers and the outbox in the background. The work itself lives in the engine and dispatcher, which tests drive directly.</summary>
public sealed partial class EscalationWorker(
    EscalationService engine,
    OutboxDispatcher dispatcher,
    IOptions<EscalationOptions> options,
    OutboxSignal signal,
    ILogger<EscalationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await engine.AdvanceDueAsync(stoppingToken).ConfigureAwait(false);
                await dispatcher.DispatchAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCycleFailed(logger, ex);
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Escalation timers or outbox failed this cycle; trying again next cycle")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception);
}
