using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static SupportBot.Browser.Tests.TrainerPageHost;

namespace SupportBot.Browser.Tests;

public sealed partial class TrainerPageTests(TrainerPageHost host) : IClassFixture<TrainerPageHost>
{
    private static readonly int LastTurn = BatteryBeltMessages.Length;

    [ChromiumFact]
    public async Task Trainer_filtering_by_playbook_sees_only_that_playbooks_case()
    {
        await using var page = await host.OpenTrainerPageAsync(Trainer);

        await page.SearchPlaybookAsync("battery-belt-damage");

        await Expect(page.ResultRows).ToHaveCountAsync(1);
        await Expect(page.ResultRows.First).ToContainTextAsync(BeltAgent);
        await Expect(page.ResultRows.First).ToContainTextAsync("completed");
    }

    [ChromiumFact]
    public async Task Trainer_without_filters_sees_every_agents_case()
    {
        await using var page = await host.OpenTrainerPageAsync(Trainer);

        await Expect(page.ResultRows).ToHaveCountAsync(2);
    }

    [ChromiumFact]
    public async Task Replay_stepping_forward_and_back_changes_the_dialog_step_and_fields()
    {
        await using var page = await host.OpenTrainerPageAsync(Trainer);
        await page.OpenBatteryBeltCaseAsync();
        await Expect(page.Step).ToHaveTextAsync("request-photos");
        await Expect(page.Fields).ToHaveTextAsync("nothing collected yet");

        await page.Button("Step forward").ClickAsync();

        await Expect(page.Position).ToHaveTextAsync($"Turn 2 of {LastTurn}");
        await Expect(page.Step).ToHaveTextAsync("safety-check");
        await Expect(page.Fields).ToContainTextAsync("photos");

        await page.Button("Step back").ClickAsync();

        await Expect(page.Step).ToHaveTextAsync("request-photos");
        await Expect(page.Fields).ToHaveTextAsync("nothing collected yet");
    }

    [ChromiumFact]
    public async Task Replay_shows_the_agents_message_and_the_bots_reply_of_each_turn_shown()
    {
        await using var page = await host.OpenTrainerPageAsync(Trainer);
        await page.OpenBatteryBeltCaseAsync();

        var turns = page.Replay.Locator("#turns > li:visible");
        await Expect(turns).ToHaveCountAsync(1);
        await Expect(turns.First.Locator(".bubble.agent")).ToContainTextAsync(BatteryBeltMessages[0]);
        await Expect(turns.First.Locator(".bubble.bot").First).ToContainTextAsync(new Regex("battery belt", RegexOptions.IgnoreCase));
    }

    [ChromiumFact]
    public async Task Replay_steps_with_the_arrow_keys_as_soon_as_the_case_opens()
    {
        await using var page = await host.OpenTrainerPageAsync(Trainer);
        await page.OpenBatteryBeltCaseAsync();

        await page.Page.Keyboard.PressAsync("ArrowRight");
        await page.Page.Keyboard.PressAsync("ArrowRight");

        await Expect(page.Position).ToHaveTextAsync($"Turn 3 of {LastTurn}");
    }

    [ChromiumFact]
    public async Task Replay_play_advances_to_the_last_turn_and_stops()
    {
        await using var page = await host.OpenTrainerPageAsync(Trainer);
        await page.OpenBatteryBeltCaseAsync();
        await page.Replay.GetByLabel("Speed").SelectOptionAsync("4");

        await page.Button("Play").ClickAsync();

        await Expect(page.Position).ToHaveTextAsync($"Turn {LastTurn} of {LastTurn}", new() { Timeout = 20_000 });
        await Expect(page.Button("Pause")).ToBeDisabledAsync();
        await Expect(page.Button("Play")).ToBeEnabledAsync();
        await Expect(page.Step).ToHaveTextAsync("(playbook ended)");
    }

    [ChromiumFact]
    public async Task Dispositions_tab_shows_the_suggestion_the_agent_took()
    {
        await using var page = await host.OpenTrainerPageAsync(Trainer);

        await page.Tab("Dispositions report").ClickAsync();

        await Expect(page.Page.Locator("#report-summary")).ToContainTextAsync("1 completed case with a suggestion; the agent took it in 1.");
        var rows = page.Page.Locator("#report-rows tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.Locator("td").Nth(3)).ToHaveTextAsync("100%");
    }

    [ChromiumFact]
    public async Task Agent_sees_only_their_own_case()
    {
        await using var page = await host.OpenTrainerPageAsync(CameraAgent);

        await Expect(page.ResultRows).ToHaveCountAsync(1);
        await Expect(page.ResultRows.First).ToContainTextAsync(CameraAgent);
        await Expect(page.ResultRows.First).ToContainTextAsync("missing-camera");
    }

    [ChromiumFact]
    public async Task Agent_is_told_the_dispositions_report_is_for_trainers()
    {
        await using var page = await host.OpenTrainerPageAsync(CameraAgent);

        await page.Tab("Dispositions report").ClickAsync();

        await Expect(page.Page.Locator("#report-message")).ToContainTextAsync("for trainers");
    }

    [ChromiumFact]
    public async Task Page_without_acting_as_asks_who_you_are()
    {
        await using var page = await host.OpenTrainerPageAsync("");

        await Expect(page.Page.Locator("#list-message")).ToContainTextAsync("Enter your user id");
    }

    [ChromiumFact]
    public async Task Tabs_move_with_the_arrow_keys()
    {
        await using var page = await host.OpenTrainerPageAsync(Trainer);

        await page.Tab("Transcripts").FocusAsync();
        await page.Page.Keyboard.PressAsync("ArrowRight");

        await Expect(page.Tab("Replay")).ToBeFocusedAsync();
        await Expect(page.Tab("Replay")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.Replay).ToBeVisibleAsync();
    }

    // The export and scoreboard APIs belong to other parts of SupportBot; the page's side is what is checked
    // here, so their answers are given by the browser's request routing.
    [ChromiumFact]
    public async Task Export_saves_the_file_the_server_sends_asking_as_the_acting_user()
    {
        await using var page = await host.OpenTrainerPageAsync(Trainer);
        string? sentUser = null;
        await page.Page.RouteAsync("**/api/transcripts/*/export?format=markdown", async route =>
        {
            sentUser = route.Request.Headers.GetValueOrDefault("x-supportbot-user");
            await route.FulfillAsync(new()
            {
                Status = 200,
                ContentType = "text/markdown",
                Headers = new Dictionary<string, string> { ["Content-Disposition"] = "attachment; filename=\"case-belt.md\"" },
                Body = "# Case",
            });
        });
        await page.OpenBatteryBeltCaseAsync();

        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Button("Export Markdown").ClickAsync());

        Assert.Equal("case-belt.md", download.SuggestedFilename);
        Assert.Equal(Trainer, sentUser);
    }

    [ChromiumFact]
    public async Task Export_failure_shows_the_servers_error_text()
    {
        await using var page = await host.OpenTrainerPageAsync(Trainer);
        await page.Page.RouteAsync("**/api/transcripts/*/export?format=transcript", route => route.FulfillAsync(new()
        {
            Status = 404,
            ContentType = "application/json",
            Body = "{\"error\":\"There is no exporter on this host.\"}",
        }));
        await page.OpenBatteryBeltCaseAsync();

        await page.Button("Export .transcript").ClickAsync();

        await Expect(page.Page.Locator("#export-message")).ToContainTextAsync("There is no exporter on this host.");
    }

    [ChromiumFact]
    public async Task Scoreboard_says_it_is_not_available_when_its_api_answers_404()
    {
        await using var page = await host.OpenTrainerPageAsync(Trainer);
        await page.Page.RouteAsync("**/api/drills/scoreboard", route => route.FulfillAsync(new() { Status = 404 }));

        await page.Tab("Scoreboard").ClickAsync();

        await Expect(page.Page.Locator("#scoreboard-message")).ToContainTextAsync("not available");
        await Expect(page.Page.Locator("#scoreboard")).ToBeHiddenAsync();
    }

    [ChromiumFact]
    public async Task Scoreboard_lists_each_trainee_the_api_returns()
    {
        await using var page = await host.OpenTrainerPageAsync(Trainer);
        await page.Page.RouteAsync("**/api/drills/scoreboard", route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "application/json",
            Body = """[{"traineeId":"agent-a","traineeName":"Agent A","quizAnswered":4,"quizCorrect":3,"quizAccuracy":0.75,"rolePlays":1,"rolePlayAverage":3.5,"weakTopics":[{"topic":"refunds","asked":2,"missed":1}],"lastDrillAt":"2025-03-10T09:00:00Z"}]""",
        }));

        await page.Tab("Scoreboard").ClickAsync();

        var row = page.Page.Locator("#scoreboard tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("75%");
        await Expect(row).ToContainTextAsync("refunds (1 of 2 missed)");
    }
}
