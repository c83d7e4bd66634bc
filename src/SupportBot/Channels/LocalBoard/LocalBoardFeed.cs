using SupportBot.Escalations;

namespace SupportBot.Host.Channels.LocalBoard;

/// <summary>A notice shown on the local board (new escalation, reminder, status change, an agent's answer).</summary>
public sealed record BoardNotice(string MessageId, long EscalationId, string Kind, string Text, DateTimeOffset At);

/// <summary>
/// The local board's live feed of notices, newest last. Idempotent on the outbox message id, so a
/// redelivered message is not shown twice. Escalations themselves are read from the store.
/// </summary>
public sealed class LocalBoardFeed
{
    private const int Capacity = 500;
    private readonly Lock _lock = new();
    private readonly List<BoardNotice> _notices = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public void Add(BoardNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        lock (_lock)
        {
            if (!_seen.Add(notice.MessageId))
            {
                return;
            }

            _notices.Add(notice);
            if (_notices.Count > Capacity)
            {
                _seen.Remove(_notices[0].MessageId);
                _notices.RemoveAt(0);
            }
        }
    }

    /// <summary>Notices after <paramref name="since"/>, oldest first.</summary>
    public IReadOnlyList<BoardNotice> Since(DateTimeOffset since)
    {
        lock (_lock)
        {
            return _notices.Where(n => n.At > since).ToList();
        }
    }
}

/// <summary>Delivers outbox messages for the <c>local</c> destination to the board's feed.</summary>
public sealed class LocalBoardChannel(LocalBoardFeed feed, TimeProvider time) : IOutboxChannel
{
    public bool Handles(string destination) => destination == "local";

    public Task SendAsync(OutboxMessage message, Escalation escalation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(escalation);
        feed.Add(new BoardNotice(message.Id, escalation.Id, message.Kind, message.Text.Replace("{id}", escalation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), time.GetUtcNow()));
        return Task.CompletedTask;
    }
}
