using System.Text.Json;
using SupportBot.Activities;

namespace SupportBot.Escalations;

/// <summary>In-memory <see cref="IEscalationStore"/> for tests; documents are copied in and out as a real store would.</summary>
public sealed class MemoryEscalationStore : IEscalationStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, string> _escalations = [];
    private readonly Dictionary<string, (OutboxMessage Message, DateTimeOffset LeasedUntil)> _outbox = new(StringComparer.Ordinal);
    private long _lastId;

    public Task<Escalation> CreateAsync(Escalation escalation, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentNullException.ThrowIfNull(messages);
        lock (_lock)
        {
            escalation.Id = ++_lastId;
            escalation.Version = 1;
            _escalations[escalation.Id] = Serialize(escalation);
            Enqueue(escalation.Id, messages);
            return Task.FromResult(Copy(escalation));
        }
    }

    public Task<Escalation?> GetAsync(long id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_escalations.TryGetValue(id, out var json) ? Deserialize(json) : null);
        }
    }

    public Task<bool> UpdateAsync(Escalation escalation, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentNullException.ThrowIfNull(messages);
        lock (_lock)
        {
            if (!_escalations.TryGetValue(escalation.Id, out var json) || Deserialize(json).Version != escalation.Version)
            {
                return Task.FromResult(false);
            }

            escalation.Version++;
            _escalations[escalation.Id] = Serialize(escalation);
            Enqueue(escalation.Id, messages);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<Escalation>> ListAsync(bool includeClosed, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Escalation>>(_escalations.Values.Select(Deserialize)
                .Where(e => includeClosed || !e.IsClosed).OrderByDescending(e => e.Id).ToList());
        }
    }

    public Task<IReadOnlyList<Escalation>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Escalation>>(_escalations.Values.Select(Deserialize)
                .Where(e => !e.IsClosed && e.DueAt <= now).OrderBy(e => e.DueAt).ToList());
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var ready = _outbox.Values
                .Where(o => o.Message.DeliveredAt is null && o.Message.NextAttemptAt <= now && o.LeasedUntil <= now)
                .OrderBy(o => o.Message.CreatedAt).Take(max).Select(o => o.Message).ToList();
            foreach (var message in ready)
            {
                _outbox[message.Id] = (message, leaseUntil);
            }

            return Task.FromResult<IReadOnlyList<OutboxMessage>>(ready.Select(Copy).ToList());
        }
    }

    public Task MarkDeliveredAsync(string messageId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_outbox.TryGetValue(messageId, out var entry))
            {
                entry.Message.DeliveredAt = at;
                entry.Message.Attempts++;
            }
        }

        return Task.CompletedTask;
    }

    public Task RescheduleAsync(string messageId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_outbox.TryGetValue(messageId, out var entry))
            {
                entry.Message.Attempts++;
                entry.Message.NextAttemptAt = nextAttemptAt;
                entry.Message.LastError = error;
                _outbox[messageId] = (entry.Message, DateTimeOffset.MinValue);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxMessage>> OutboxAsync(long escalationId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<OutboxMessage>>(_outbox.Values.Select(o => o.Message)
                .Where(m => m.EscalationId == escalationId).OrderBy(m => m.CreatedAt).Select(Copy).ToList());
        }
    }

    private void Enqueue(long escalationId, IReadOnlyList<OutboxMessage> messages)
    {
        foreach (var message in messages)
        {
            message.EscalationId = escalationId;
            _outbox[message.Id] = (Copy(message), DateTimeOffset.MinValue);
        }
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, ActivityJson.Options);

    private static Escalation Deserialize(string json) => JsonSerializer.Deserialize<Escalation>(json, ActivityJson.Options)!;

    private static Escalation Copy(Escalation escalation) => Deserialize(Serialize(escalation));

    private static OutboxMessage Copy(OutboxMessage message) => JsonSerializer.Deserialize<OutboxMessage>(Serialize(message), ActivityJson.Options)!;
}
