using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.Activities;
using SupportBot.Escalations;
using SupportBot.Storage;

namespace SupportBot.Host.Channels.Teams;

/// <summary>A Teams channel registered from Teams as an extra destination of a route, with what is needed to post to it.</summary>
public sealed record RegisteredChannel(
    string ChannelId, string? ServiceUrl, string? TenantId, string? TeamId, string RegisteredBy, DateTimeOffset RegisteredAt)
{
    /// <summary>The outbox destination for this channel: <c>teams:&lt;channel id&gt;</c>.</summary>
    [JsonIgnore]
    public string Destination => TeamsChannelOutbox.DestinationPrefix + ChannelId;
}

/// <summary>
/// The Teams channels registered for each route (<c>register this channel as &lt;role&gt;</c>), one
/// <see cref="IStorage"/> document per role under <c>teams-route/&lt;role&gt;</c>, changed under its ETag.
/// </summary>
/// <remarks>
/// As an <see cref="IRouteDirectory"/> it adds the registered channels to the route's destinations whenever the
/// escalation engine queues messages; <see cref="TeamsChannelOutbox"/> also reads the serviceUrl and tenant each
/// channel was registered with.
/// </remarks>
public sealed class TeamsRouteRegistry(IStorage storage) : IRouteDirectory
{
    public const string KeyPrefix = "teams-route/";

    private const int MaxAttempts = 5;

    public static string KeyFor(string role) => KeyPrefix + role;

    public async Task<IReadOnlyList<RegisteredChannel>> ChannelsAsync(string role, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        var (document, _) = await ReadAsync(role, cancellationToken).ConfigureAwait(false);
        return document?.Channels ?? [];
    }

    /// <summary>The extra destinations (<c>teams:&lt;channel id&gt;</c>) registered for <paramref name="role"/>.</summary>
    public async Task<IReadOnlyList<string>> DestinationsAsync(string role, CancellationToken cancellationToken) =>
        (await ChannelsAsync(role, cancellationToken).ConfigureAwait(false)).Select(c => c.Destination).ToList();

    Task<IReadOnlyList<string>> IRouteDirectory.ExtraDestinationsAsync(string route, CancellationToken cancellationToken) =>
        DestinationsAsync(route, cancellationToken);

    /// <summary>Adds <paramref name="channel"/> to the role's channels.</summary>
    /// <returns>False when that channel was already registered for the role (nothing is written).</returns>
    public async Task<bool> RegisterAsync(string role, RegisteredChannel channel, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        ArgumentNullException.ThrowIfNull(channel);
        var key = KeyFor(role);
        for (var attempt = 1; ; attempt++)
        {
            var (document, etag) = await ReadAsync(role, cancellationToken).ConfigureAwait(false);
            document ??= new RouteDocument { Role = role };
            if (document.Channels.Any(c => string.Equals(c.ChannelId, channel.ChannelId, StringComparison.Ordinal)))
            {
                return false;
            }

            document.Channels.Add(channel);
            try
            {
                // A null ETag creates the document and fails if someone created it meanwhile; otherwise it must be unchanged.
                await storage.WriteAsync(
                    new Dictionary<string, StoreItem> { [key] = new StoreItem(JsonSerializer.Serialize(document, ActivityJson.Options), etag) },
                    cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (StorageConflictException) when (attempt < MaxAttempts)
            {
                // Someone registered another channel at the same moment: read again and add to theirs.
            }
        }
    }

    private async Task<(RouteDocument? Document, string? ETag)> ReadAsync(string role, CancellationToken cancellationToken)
    {
        var key = KeyFor(role);
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(key, out var item)
            ? (JsonSerializer.Deserialize<RouteDocument>(item.Json, ActivityJson.Options), item.ETag)
            : (null, null);
    }

    private sealed class RouteDocument
    {
        public string Role { get; set; } = "";

        public List<RegisteredChannel> Channels { get; set; } = [];
    }
}
