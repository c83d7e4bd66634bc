using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Activities;
using SupportBot.Host.Channels.BotFramework;
using SupportBot.Host.Channels.BotFramework.Authentication;
using SupportBot.Host.Hosting;

namespace SupportBot.Tests.Channels.BotFramework.Authentication;

/// <summary>
/// The authenticator as the host wires it (<c>AddBotFrameworkAuthentication</c>, real HttpClient), pointed at a
/// <see cref="FakeBotFrameworkIssuer"/>, on a <see cref="ManualTimeProvider"/>.
/// </summary>
internal sealed class AuthenticationHarness : IAsyncDisposable
{
    public const string AppId = "0f1e2d3c-aaaa-bbbb-cccc-ddddeeeeffff";
    public const string KeyId = "test-key-1";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    public const string Issuer = "https://api.botframework.com";

    public static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider services;

    private AuthenticationHarness(FakeBotFrameworkIssuer issuer, ServiceProvider services, ManualTimeProvider clock, CapturingLoggerProvider logs)
    {
        IssuerServer = issuer;
        this.services = services;
        Clock = clock;
        Logs = logs;
        Authenticator = services.GetRequiredService<IActivityAuthenticator>();
    }

    public FakeBotFrameworkIssuer IssuerServer { get; }

    public ManualTimeProvider Clock { get; }

    public CapturingLoggerProvider Logs { get; }

    public IActivityAuthenticator Authenticator { get; }

    /// <summary>The key published as <see cref="KeyId"/>, endorsing msteams and emulator.</summary>
    public RSA SigningKey { get; } = TestKeys.Primary();

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Starts the issuer, publishes <see cref="SigningKey"/> unless told not to, and builds the services.</summary>
    public static async Task<AuthenticationHarness> StartAsync(bool publishSigningKey = true, IDictionary<string, string?>? settings = null)
    {
        var issuer = await FakeBotFrameworkIssuer.StartAsync();
        var configuration = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = "not-used-here",
            ["Teams:OpenIdMetadataUrl"] = issuer.MetadataUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var clock = new ManualTimeProvider(Start);
        var logs = new CapturingLoggerProvider();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        collection.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName);
        collection.AddBotFrameworkAuthentication();
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var harness = new AuthenticationHarness(issuer, provider, clock, logs);
        if (publishSigningKey)
        {
            issuer.Publish(harness.SigningKey, KeyId, "msteams", "emulator");
        }

        return harness;
    }

    /// <summary>The spec's valid claims: nbf now−60 s, exp now+3600 s, serviceurl = the activity's.</summary>
    public JsonObject ValidClaims() => new()
    {
        ["iss"] = Issuer,
        ["aud"] = AppId,
        ["nbf"] = Now.ToUnixTimeSeconds() - 60,
        ["exp"] = Now.ToUnixTimeSeconds() + 3600,
        ["serviceurl"] = ServiceUrl,
    };

    public string ValidToken() => Token(ValidClaims());

    public string Token(JsonObject claims, string alg = "RS256", string kid = KeyId, RSA? key = null) =>
        TestJwt.SignRsa(key ?? SigningKey, TestJwt.Header(alg, kid), claims);

    public static Activity NewActivity(string? channelId = "msteams", string? serviceUrl = ServiceUrl) => new()
    {
        Type = ActivityTypes.Message,
        Id = "1700000000123",
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = "19:abc@thread.tacv2" },
        Text = "hello",
    };

    public Task<AuthenticationOutcome> AuthenticateBearerAsync(string token, Activity? activity = null) =>
        AuthenticateAsync("Bearer " + token, activity);

    /// <summary>Runs the authenticator on a request with this Authorization header (none when null).</summary>
    public async Task<AuthenticationOutcome> AuthenticateAsync(string? authorization, Activity? activity = null)
    {
        var context = new DefaultHttpContext();
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        return await Authenticator.AuthenticateAsync(context, activity ?? NewActivity(), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await IssuerServer.DisposeAsync();
        SigningKey.Dispose();
    }
}
