namespace SupportBot.Escalations;

/// <summary>
/// Wakes the escalation worker as soon as something is queued, so a new escalation reaches its lead in
/// milliseconds rather than at the next poll; the poll remains for timers and retries.
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers everything queued meanwhile.
        }
    }

    /// <summary>Waits for a signal or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
