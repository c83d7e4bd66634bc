namespace SupportBot.Escalations;

/// <summary>
/// Escalation records and their outbox. A shared-database store (several hosts) implements the same
/// contract; <see cref="UpdateAsync"/> and <see cref="ClaimOutboxAsync"/> are what keep two hosts from
/// acting twice.
/// </summary>
public interface IEscalationStore
{
    /// <summary>Stores a new escalation with the next id, and queues its messages in the same write.</summary>
    Task<Escalation> CreateAsync(Escalation escalation, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken);

    Task<Escalation?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a change made to the version that was read, and queues its messages in the same write;
    /// false (nothing written) when someone else changed it first.
    /// </summary>
    Task<bool> UpdateAsync(Escalation escalation, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken);

    /// <summary>Escalations, newest first; open ones only unless <paramref name="includeClosed"/>.</summary>
    Task<IReadOnlyList<Escalation>> ListAsync(bool includeClosed, CancellationToken cancellationToken);

    /// <summary>Open escalations whose timer is due at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<Escalation>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Outbox messages ready to send at <paramref name="now"/>, each leased to the caller until
    /// <paramref name="leaseUntil"/> so no one else sends it meanwhile.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken);

    Task MarkDeliveredAsync(string messageId, DateTimeOffset at, CancellationToken cancellationToken);

    Task RescheduleAsync(string messageId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    Task<IReadOnlyList<OutboxMessage>> OutboxAsync(long escalationId, CancellationToken cancellationToken);
}
