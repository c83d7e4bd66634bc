using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Browser.Tests;

/// <summary>The trainer page as a person uses it: by labels, roles and button names.</summary>
public sealed class TrainerPage(IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public ILocator ResultRows => Page.Locator("#results tbody tr[data-id]");

    public ILocator Position => Page.Locator("#position");

    public ILocator Step => Page.Locator("#state-step");

    public ILocator Fields => Page.Locator("#state-fields");

    public ILocator Transcripts => Page.Locator("#panel-transcripts");

    public ILocator Replay => Page.Locator("#panel-replay");

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Tab(string name) => Page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true });

    public async Task ActAsAsync(string userId)
    {
        await Page.GetByLabel("Acting as").FillAsync(userId);
        await Button("Use").ClickAsync();
        var role = userId switch
        {
            "" => "not signed in: enter your user id",
            TrainerPageHost.Trainer => "trainer: all cases",
            _ => "agent: your own cases only",
        };
        await Expect(Page.Locator("#role")).ToHaveTextAsync(role);
    }

    public async Task SearchPlaybookAsync(string playbookId)
    {
        await Transcripts.GetByLabel("Playbook").SelectOptionAsync(playbookId);
        await Button("Search").ClickAsync();
    }

    /// <summary>Finds the battery-belt case and opens it in the replay, at its first turn.</summary>
    public async Task OpenBatteryBeltCaseAsync()
    {
        await SearchPlaybookAsync("battery-belt-damage");
        await Expect(ResultRows).ToHaveCountAsync(1);
        await ResultRows.First.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(Tab("Replay")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(Position).ToHaveTextAsync($"Turn 1 of {TrainerPageHost.BatteryBeltMessages.Length}");
    }

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
