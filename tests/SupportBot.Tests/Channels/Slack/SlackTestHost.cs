using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Channels.Slack;

/// <summary>
/// The real host with Slack turned on against a <see cref="FakeSlackApi"/>, and requests signed the way
/// Slack signs them. Further settings go on the factory before <see cref="StartAsync"/>.
/// </summary>
internal sealed class SlackTestHost : IAsyncDisposable
{
    public const string Secret = "test-signing-secret-not-real";

    private readonly SupportBotFactory _factory;

    private SlackTestHost(SupportBotFactory factory, FakeSlackApi slack)
    {
        _factory = factory;
        Slack = slack;
        Host = factory
            .With("Slack:SigningSecret", Secret)
            .With("Slack:BotToken", "xoxb-test-not-real")
            .With("Slack:ApiBaseUrl", slack.Url);
        Client = Host.CreateClient();
    }

    public FakeSlackApi Slack { get; }

    public WebApplicationFactory<SupportBot.Host.Program> Host { get; }

    public HttpClient Client { get; }

    public static async Task<SlackTestHost> StartAsync(SupportBotFactory factory) =>
        new(factory, await FakeSlackApi.StartAsync());

    public static string Sign(string timestamp, string body) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));

    /// <summary>Posts <paramref name="body"/> signed with the signing secret, or with <paramref name="signature"/> when given.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(
        string path,
        string body,
        string contentType,
        string? signature = null,
        Action<HttpRequestMessage>? configure = null)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature ?? Sign(timestamp, body));
        configure?.Invoke(request);
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await _factory.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
