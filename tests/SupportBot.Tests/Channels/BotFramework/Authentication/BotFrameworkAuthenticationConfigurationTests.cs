using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.Host.Channels.BotFramework;
using SupportBot.Host.Channels.BotFramework.Authentication;
using SupportBot.Host.Hosting;

namespace SupportBot.Tests.Channels.BotFramework.Authentication;

/// <summary>How <c>AddBotFrameworkAuthentication</c> reads configuration.</summary>
public sealed class BotFrameworkAuthenticationConfigurationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, bool registerPlaceholderFirst = false)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName);
        if (registerPlaceholderFirst)
        {
            services.AddSingleton<IActivityAuthenticator>(new AnonymousLocalAuthenticator());
        }

        services.AddBotFrameworkAuthentication();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public async Task NoAppId_UsesAnonymousLocalMode_AndAllowsARequestWithoutHeader()
    {
        await using var services = Build([]);

        var authenticator = services.GetRequiredService<IActivityAuthenticator>();
        var outcome = await authenticator.AuthenticateAsync(new DefaultHttpContext(),
            AuthenticationHarness.NewActivity(serviceUrl: "http://localhost:56150/_connector"), CancellationToken.None);

        Assert.IsType<AnonymousLocalAuthenticator>(authenticator);
        Assert.True(outcome.Allowed, outcome.Problem);
    }

    [Fact]
    public async Task AppId_UsesJwtAuthenticator_ReplacingAnEarlierRegistration()
    {
        await using var services = Build(new() { ["Teams:AppId"] = AuthenticationHarness.AppId }, registerPlaceholderFirst: true);

        Assert.IsType<JwtActivityAuthenticator>(services.GetRequiredService<IActivityAuthenticator>());
        Assert.Single(services.GetServices<IActivityAuthenticator>());
    }

    [Fact]
    public async Task Options_DefaultToThePublicCloud()
    {
        await using var services = Build([]);

        var options = services.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value;

        Assert.Equal("https://api.botframework.com", options.Issuer);
        Assert.Equal(TimeSpan.FromSeconds(300), options.ClockSkew);
    }

    [Theory]
    [InlineData("Teams:Issuer", "")]
    [InlineData("Teams:Issuer", "api.botframework.com")]
    [InlineData("Teams:ClockSkew", "-00:00:01")]
    [InlineData("Teams:ClockSkew", "01:00:00")]
    public async Task Options_Invalid_FailValidationNamingTheSetting(string key, string value)
    {
        await using var services = Build(new() { [key] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value);

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issuer_FromConfiguration_IsTheOneAccepted()
    {
        await using var h = await AuthenticationHarness.StartAsync(settings: new Dictionary<string, string?> { ["Teams:Issuer"] = "https://api.botframework.us" });

        var government = h.ValidClaims();
        government["iss"] = "https://api.botframework.us";
        var allowed = await h.AuthenticateBearerAsync(h.Token(government));
        var publicCloud = await h.AuthenticateBearerAsync(h.ValidToken());

        Assert.True(allowed.Allowed, allowed.Problem);
        Assert.False(publicCloud.Allowed);
        Assert.Equal(StatusCodes.Status401Unauthorized, publicCloud.StatusCode);
    }

    [Fact]
    public async Task ClockSkew_FromConfiguration_IsApplied()
    {
        await using var h = await AuthenticationHarness.StartAsync(settings: new Dictionary<string, string?> { ["Teams:ClockSkew"] = "00:00:30" });

        var claims = h.ValidClaims();
        claims["nbf"] = h.Now.ToUnixTimeSeconds() - 4000;
        claims["exp"] = h.Now.ToUnixTimeSeconds() - 60;

        Assert.False((await h.AuthenticateBearerAsync(h.Token(claims))).Allowed);
    }

    [Fact]
    public async Task JwtAuthenticator_WithoutAppId_FailsClosed()
    {
        await using var services = Build([]);

        var outcome = await services.GetRequiredService<JwtActivityAuthenticator>()
            .AuthenticateAsync(new DefaultHttpContext(), AuthenticationHarness.NewActivity(), CancellationToken.None);

        Assert.False(outcome.Allowed);
        Assert.Equal(StatusCodes.Status500InternalServerError, outcome.StatusCode);
    }
}
