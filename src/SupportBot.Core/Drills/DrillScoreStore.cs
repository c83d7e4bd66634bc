using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SupportBot.Activities;
using SupportBot.Storage;

namespace SupportBot.Drills;

/// <summary>
/// Keeps trainees' drill scores in <see cref="IStorage"/>: one document per trainee under
/// <c>drills/trainee/&lt;id&gt;</c>, and an index document listing the trainee ids for the scoreboard.
/// Every change is read-modify-write guarded by the ETag and retried when someone else wrote first, so
/// two conversations of one trainee never lose each other's answers.
/// </summary>
public sealed partial class DrillScoreStore(IStorage storage, ILogger<DrillScoreStore> logger)
{
    public const string IndexKey = "drills/trainees";
    public const string TraineeKeyPrefix = "drills/trainee/";
    private const int MaxAttempts = 8;

    // LiteDB keys must stay well under 1 KB; channel user ids are short, but a pathological one is hashed.
    private const int MaxEscapedIdLength = 200;

    public static string KeyFor(string traineeId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(traineeId);
        var escaped = Uri.EscapeDataString(traineeId);
        return escaped.Length <= MaxEscapedIdLength
            ? TraineeKeyPrefix + escaped
            : TraineeKeyPrefix + "sha256-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(traineeId)));
    }

    public async Task<TraineeRecord?> GetAsync(string traineeId, CancellationToken cancellationToken)
    {
        var key = KeyFor(traineeId);
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(key, out var item) ? Parse(key, item) : null;
    }

    /// <summary>Every trainee with a record, in the order they first drilled.</summary>
    public async Task<IReadOnlyList<TraineeRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var index = await storage.ReadAsync([IndexKey], cancellationToken).ConfigureAwait(false);
        var ids = index.TryGetValue(IndexKey, out var item) ? IdsIn(item) : [];
        if (ids.Count == 0)
        {
            return [];
        }

        var keys = ids.Select(KeyFor).ToList();
        var records = await storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        var result = new List<TraineeRecord>(keys.Count);
        foreach (var key in keys.Where(records.ContainsKey))
        {
            try
            {
                result.Add(Parse(key, records[key]));
            }
            catch (InvalidDataException ex)
            {
                // One unreadable record must not hide everyone else's scores; it is left as it is for inspection.
                LogUnreadable(logger, key, ex.Message);
            }
        }

        return result;
    }

    /// <summary>Applies a change to the trainee's record (created when new) and returns the record as saved.</summary>
    public async Task<TraineeRecord> UpdateAsync(string traineeId, string? traineeName, Action<TraineeRecord> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var key = KeyFor(traineeId);
        for (var attempt = 1; ; attempt++)
        {
            var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
            var existing = items.GetValueOrDefault(key);
            var record = existing is null ? new TraineeRecord { TraineeId = traineeId } : Parse(key, existing);
            record.TraineeName = string.IsNullOrWhiteSpace(traineeName) ? record.TraineeName : traineeName;
            change(record);
            var json = JsonSerializer.Serialize(record, ActivityJson.Options);
            try
            {
                await storage.WriteAsync(
                    new Dictionary<string, StoreItem> { [key] = new StoreItem(json, existing?.ETag) },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (StorageConflictException) when (attempt < MaxAttempts)
            {
                LogConflict(logger, key, attempt);
                continue;
            }

            if (existing is null)
            {
                await AddToIndexAsync(traineeId, cancellationToken).ConfigureAwait(false);
            }

            return record;
        }
    }

    private async Task AddToIndexAsync(string traineeId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var items = await storage.ReadAsync([IndexKey], cancellationToken).ConfigureAwait(false);
            var existing = items.GetValueOrDefault(IndexKey);
            var ids = existing is null ? [] : IdsIn(existing);
            if (ids.Contains(traineeId, StringComparer.Ordinal))
            {
                return;
            }

            ids.Add(traineeId);
            var document = new JsonObject { ["trainees"] = new JsonArray(ids.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()) };
            try
            {
                await storage.WriteAsync(
                    new Dictionary<string, StoreItem> { [IndexKey] = new StoreItem(document, existing?.ETag) },
                    cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StorageConflictException) when (attempt < MaxAttempts)
            {
                LogConflict(logger, IndexKey, attempt);
            }
        }
    }

    private static List<string> IdsIn(StoreItem index) =>
        index.Document["trainees"] is JsonArray ids
            ? ids.Select(i => i is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
            : [];

    /// <exception cref="InvalidDataException">The stored document is not a drill record; it is never overwritten.</exception>
    private static TraineeRecord Parse(string key, StoreItem item)
    {
        try
        {
            return JsonSerializer.Deserialize<TraineeRecord>(item.Json, ActivityJson.Options) is { TraineeId.Length: > 0 } record
                ? record
                : throw new InvalidDataException($"Drill record '{key}' has no trainee id.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Drill record '{key}' is unreadable: {ex.Message}", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drill record {Key} is unreadable and was left out of the scoreboard: {Problem}")]
    private static partial void LogUnreadable(ILogger logger, string key, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Drill record {Key} was changed by someone else; retrying (attempt {Attempt})")]
    private static partial void LogConflict(ILogger logger, string key, int attempt);
}
