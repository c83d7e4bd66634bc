using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Browser.Tests;

/// <summary>
/// The real host on a free loopback port (Kestrel, its own database file), holding two recorded cases made
/// by talking to it over HTTP, and a headless Chromium to look at its trainer page with.
/// </summary>
public sealed class TrainerPageHost : IAsyncLifetime
{
    public const string Trainer = "trainer-1";
    public const string BeltAgent = "agent-a";
    public const string CameraAgent = "agent-b";

    /// <summary>A whole battery-belt-damage case: six answers, then the suggested disposition taken.</summary>
    public static readonly string[] BatteryBeltMessages =
    [
        "cust says battery belt melted",
        "cx is emailing the pics and receipt",
        "no",
        "xpro",
        "account holder",
        "order 100-2000-3000 from the website",
        "1",
    ];

    private readonly SupportBotFactory _factory = new SupportBotFactory().With("Training:Trainers:0", Trainer);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(Chromium.MissingReason);

    public async Task InitializeAsync()
    {
        if (Chromium.ExecutablePath is not { } chromium)
        {
            // Skipped tests need no host; a required browser fails in each test with the reason.
            return;
        }

        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().TrimEnd('/') + "/");

        using var http = new HttpClient { BaseAddress = BaseAddress };
        foreach (var text in BatteryBeltMessages)
        {
            await ChatAsync(http, "browser-belt", BeltAgent, text);
        }

        await ChatAsync(http, "browser-camera", CameraAgent, "cx says a camera is missing from their order");

        // The browser is the machine's; the driver ships inside the Playwright package. Nothing is fetched.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true });
    }

    /// <summary>The trainer page in a fresh browser context (its own local storage), acting as the given user.</summary>
    public async Task<TrainerPage> OpenTrainerPageAsync(string actingAs)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), AcceptDownloads = true });
        var page = new TrainerPage(await context.NewPageAsync());
        await page.Page.GotoAsync("trainer.html");
        await page.ActAsAsync(actingAs);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    private static async Task ChatAsync(HttpClient http, string conversationId, string userId, string text)
    {
        var response = await http.PostAsJsonAsync("api/chat", new { conversationId, userId, userName = "Agent " + userId, text });
        response.EnsureSuccessStatusCode();
    }
}
