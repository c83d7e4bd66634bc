using System.Text;
using LiteDB;
using SupportBot.Activities;
using SupportBot.Escalations;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace SupportBot.Storage.LiteDb;

/// <summary>
/// <see cref="IEscalationStore"/> on LiteDB: one document per escalation in <c>escalations</c> and one per
/// message in <c>outbox</c>. The documents themselves are JSON strings (exact dates, no BSON mapping);
/// the few other fields exist only to be queried and indexed.
/// </summary>
/// <remarks>
/// Every write, including claiming outbox messages, runs on the context's single writer, so each
/// check-and-write (next id, version, lease) is atomic with respect to every other write. Writes never
/// throw for an expected outcome (a stale version returns false), because an exception there would fail
/// the other writes of the same group commit.
/// <para>
/// BSON dates keep milliseconds only, so the indexed dates select candidates and the exact values in
/// the JSON decide. To keep the indexes small, <c>dueAt</c> is null once an escalation is closed and
/// <c>nextAttemptAt</c> is null once a message is delivered: neither will ever be due again.
/// </para>
/// </remarks>
public sealed class LiteDbEscalationStore : IEscalationStore
{
    internal const string EscalationsCollection = "escalations";
    internal const string OutboxCollection = "outbox";

    internal const string DueAtField = "dueAt";
    internal const string ClosedField = "closed";
    internal const string EscalationIdField = "escalationId";
    internal const string NextAttemptAtField = "nextAttemptAt";

    private const string JsonField = "json";
    private const string VersionField = "version";
    private const string DeliveredField = "delivered";
    private const string LeasedUntilField = "leasedUntil";

    // Queue order among messages created at the same instant (they usually are: one change, several messages).
    private const string SequenceField = "seq";

    private static readonly DateTime NotLeased = DateTime.MinValue;

    private readonly LiteDbContext _context;
    private readonly ILiteCollection<BsonDocument> _escalations;
    private readonly ILiteCollection<BsonDocument> _outbox;

    // Touched only on the writer thread; read from the file at the first enqueue. Gaps after a rolled-back
    // batch are harmless: only the order matters.
    private long? _lastSequence;

    public LiteDbEscalationStore(LiteDbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _escalations = context.Database.GetCollection(EscalationsCollection);
        _outbox = context.Database.GetCollection(OutboxCollection);
    }

    public async Task<Escalation> CreateAsync(Escalation escalation, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        EnsureValid(messages);
        cancellationToken.ThrowIfCancellationRequested();

        // Copied now, so the caller's objects are changed only once the write has committed.
        var stored = Copy(escalation);
        var queued = messages.Select(Copy).ToList();
        var (id, json) = await _context.Writes.EnqueueAsync(_ =>
        {
            var last = _escalations.Query().OrderByDescending("_id").Limit(1).ToDocuments().FirstOrDefault();
            stored.Id = last is null ? 1 : last["_id"].AsInt64 + 1;
            stored.Version = 1;
            var document = Serialize(stored);
            _escalations.Insert(ToDocument(stored, document));
            Enqueue(stored.Id, queued);
            return (stored.Id, document);
        }).ConfigureAwait(false);

        escalation.Id = id;
        escalation.Version = 1;
        foreach (var message in messages)
        {
            message.EscalationId = id;
        }

        return DeserializeEscalation(json);
    }

    public Task<Escalation?> GetAsync(long id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = LiteDbErrors.Guard(_context, () => _escalations.FindById(id));
        return Task.FromResult(document is null ? null : DeserializeEscalation(document[JsonField].AsString));
    }

    public async Task<bool> UpdateAsync(Escalation escalation, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        EnsureValid(messages);
        cancellationToken.ThrowIfCancellationRequested();

        var readVersion = escalation.Version;
        var stored = Copy(escalation);
        stored.Version = readVersion + 1;
        var document = ToDocument(stored, Serialize(stored));
        var queued = messages.Select(Copy).ToList();
        var saved = await _context.Writes.EnqueueAsync(_ =>
        {
            var current = _escalations.FindById(stored.Id);
            if (current is null || current[VersionField].AsInt32 != readVersion)
            {
                return false;
            }

            _escalations.Update(document);
            Enqueue(stored.Id, queued);
            return true;
        }).ConfigureAwait(false);

        if (saved)
        {
            escalation.Version = stored.Version;
            foreach (var message in messages)
            {
                message.EscalationId = stored.Id;
            }
        }

        return saved;
    }

    public Task<IReadOnlyList<Escalation>> ListAsync(bool includeClosed, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var documents = LiteDbErrors.Guard(_context, () => includeClosed
            ? _escalations.FindAll().ToList()
            : _escalations.Find(Query.EQ(ClosedField, false)).ToList());
        IReadOnlyList<Escalation> result = documents
            .OrderByDescending(d => d["_id"].AsInt64)
            .Select(d => DeserializeEscalation(d[JsonField].AsString))
            .Where(e => includeClosed || !e.IsClosed)
            .ToList();
        return Task.FromResult(result);
    }

    public Task<IReadOnlyList<Escalation>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Between, not LTE: in LiteDB's ordering null sorts below every date, and closed ones are null.
        var documents = LiteDbErrors.Guard(_context, () =>
            _escalations.Find(Query.Between(DueAtField, DateTime.MinValue, now.UtcDateTime)).ToList());
        IReadOnlyList<Escalation> result = documents
            .Select(d => DeserializeEscalation(d[JsonField].AsString))
            .Where(e => !e.IsClosed && e.DueAt <= now)
            .OrderBy(e => e.DueAt)
            .ThenBy(e => e.Id)
            .ToList();
        return Task.FromResult(result);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (max <= 0)
        {
            return [];
        }

        var nowUtc = now.UtcDateTime;

        // Rounded up: a lease may last a fraction of a millisecond longer, never shorter.
        var lease = CeilingToMillisecond(leaseUntil.UtcDateTime);
        return await _context.Writes.EnqueueAsync<IReadOnlyList<OutboxMessage>>(_ =>
        {
            var claimed = _outbox.Find(Query.Between(NextAttemptAtField, DateTime.MinValue, nowUtc)).ToList()
                .Where(d => !d[DeliveredField].AsBoolean && d[LeasedUntilField].AsDateTime <= nowUtc)
                .Select(d => (Document: d, Message: DeserializeMessage(d[JsonField].AsString)))
                .Where(c => c.Message.DeliveredAt is null && c.Message.NextAttemptAt <= now)
                .OrderBy(c => c.Message.CreatedAt)
                .ThenBy(c => c.Document[SequenceField].AsInt64)
                .Take(max)
                .ToList();
            foreach (var (document, _) in claimed)
            {
                document[LeasedUntilField] = lease;
                _outbox.Update(document);
            }

            return claimed.Select(c => c.Message).ToList();
        }).ConfigureAwait(false);
    }

    public async Task MarkDeliveredAsync(string messageId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        cancellationToken.ThrowIfCancellationRequested();
        if (!IsStorableId(messageId))
        {
            return;
        }

        await _context.Writes.EnqueueAsync(_ => ChangeMessage(messageId, (_, message) =>
        {
            message.DeliveredAt = at;
            message.Attempts++;
        })).ConfigureAwait(false);
    }

    public async Task RescheduleAsync(string messageId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        cancellationToken.ThrowIfCancellationRequested();
        if (!IsStorableId(messageId))
        {
            return;
        }

        await _context.Writes.EnqueueAsync(_ => ChangeMessage(messageId, (document, message) =>
        {
            message.Attempts++;
            message.NextAttemptAt = nextAttemptAt;
            message.LastError = error;
            document[LeasedUntilField] = NotLeased;
        })).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<OutboxMessage>> OutboxAsync(long escalationId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var documents = LiteDbErrors.Guard(_context, () => _outbox.Find(Query.EQ(EscalationIdField, escalationId)).ToList());
        IReadOnlyList<OutboxMessage> result = documents
            .Select(d => (Document: d, Message: DeserializeMessage(d[JsonField].AsString)))
            .OrderBy(c => c.Message.CreatedAt)
            .ThenBy(c => c.Document[SequenceField].AsInt64)
            .Select(c => c.Message)
            .ToList();
        return Task.FromResult(result);
    }

    /// <summary>Writer thread: queues copies of the messages for the escalation, in list order.</summary>
    private void Enqueue(long escalationId, List<OutboxMessage> messages)
    {
        foreach (var message in messages)
        {
            message.EscalationId = escalationId;
            var document = new BsonDocument
            {
                ["_id"] = message.Id,
                [EscalationIdField] = escalationId,
                [JsonField] = Serialize(message),
                [SequenceField] = NextSequence(),
                [LeasedUntilField] = NotLeased,
            };
            SetDeliveryFields(document, message);

            // A message queued again under the same id replaces the earlier one, as in the reference store.
            _outbox.Upsert(document);
        }
    }

    /// <summary>Writer thread: applies a change to a stored message; false (nothing written) when there is none.</summary>
    private bool ChangeMessage(string messageId, Action<BsonDocument, OutboxMessage> change)
    {
        var document = _outbox.FindById(messageId);
        if (document is null)
        {
            return false;
        }

        var message = DeserializeMessage(document[JsonField].AsString);
        change(document, message);
        document[JsonField] = Serialize(message);
        SetDeliveryFields(document, message);
        _outbox.Update(document);
        return true;
    }

    private long NextSequence()
    {
        var last = _lastSequence ??= _outbox.Query().OrderByDescending(SequenceField).Limit(1).ToDocuments().FirstOrDefault() is { } stored
            ? stored[SequenceField].AsInt64
            : 0;
        _lastSequence = last + 1;
        return last + 1;
    }

    private static void SetDeliveryFields(BsonDocument document, OutboxMessage message)
    {
        var delivered = message.DeliveredAt is not null;
        document[DeliveredField] = delivered;
        document[NextAttemptAtField] = delivered ? BsonValue.Null : message.NextAttemptAt.UtcDateTime;
    }

    private static BsonDocument ToDocument(Escalation escalation, string json) => new()
    {
        ["_id"] = escalation.Id,
        [JsonField] = json,
        [VersionField] = escalation.Version,
        [ClosedField] = escalation.IsClosed,
        [DueAtField] = escalation.IsClosed || escalation.DueAt is not { } due ? BsonValue.Null : due.UtcDateTime,
    };

    private static void EnsureValid(IReadOnlyList<OutboxMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
            if (string.IsNullOrEmpty(message.Id) || !IsStorableId(message.Id))
            {
                throw new ArgumentException(
                    $"Outbox message ids must be non-empty and at most {LiteDbStorage.MaxKeyBytes} UTF-8 bytes.", nameof(messages));
            }
        }
    }

    private static bool IsStorableId(string id) => Encoding.UTF8.GetByteCount(id) <= LiteDbStorage.MaxKeyBytes;

    private static DateTime CeilingToMillisecond(DateTime utc)
    {
        var remainder = utc.Ticks % TimeSpan.TicksPerMillisecond;
        if (remainder == 0)
        {
            return utc;
        }

        return DateTime.MaxValue.Ticks - utc.Ticks < TimeSpan.TicksPerMillisecond
            ? DateTime.MaxValue
            : utc.AddTicks(TimeSpan.TicksPerMillisecond - remainder);
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, ActivityJson.Options);

    private static Escalation DeserializeEscalation(string json) => JsonSerializer.Deserialize<Escalation>(json, ActivityJson.Options)!;

    private static OutboxMessage DeserializeMessage(string json) => JsonSerializer.Deserialize<OutboxMessage>(json, ActivityJson.Options)!;

    private static Escalation Copy(Escalation escalation) => DeserializeEscalation(Serialize(escalation));

    private static OutboxMessage Copy(OutboxMessage message) => DeserializeMessage(Serialize(message));
}
