using System.Text.Json.Nodes;
using SupportBot.Storage;
using SupportBot.Transcripts;

namespace SupportBot.Tests.Storage.LiteDb;

/// <summary>The <see cref="ITranscriptStore"/> contract for cases; every implementation runs the same suite.</summary>
public abstract class TranscriptStoreContractTests
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract ITranscriptStore CreateStore();

    [Fact]
    public async Task AppendTurn_OfANewCase_AssignsIncreasingIdsAboveZero()
    {
        var store = CreateStore();

        var first = await store.AppendTurnAsync(NewCase("a"), [In("a", "one")], None);
        var second = await store.AppendTurnAsync(NewCase("b"), [In("b", "two")], None);

        Assert.True(first.Id > 0, $"ids start above zero, got {first.Id}");
        Assert.True(second.Id > first.Id, $"{second.Id} should follow {first.Id}");
        Assert.Equal(first, await store.GetCaseAsync(first.Id, None));
    }

    [Fact]
    public async Task AppendTurn_StampsEveryEntryWithTheSavedCaseId()
    {
        var store = CreateStore();

        var saved = await store.AppendTurnAsync(NewCase("a"), [In("a", "hello"), Out("a", "hi"), Out("a", "what happened?")], None);

        var entries = await store.GetAsync("a", None);
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal(saved.Id, e.CaseId));
    }

    [Fact]
    public async Task AppendTurn_OfASavedCase_UpdatesItsSummaryAndAddsTheEntries()
    {
        var store = CreateStore();
        var opened = await store.AppendTurnAsync(NewCase("a") with { Turns = 1 }, [In("a", "battery belt melted")], None);

        var closed = await store.AppendTurnAsync(
            opened with { Turns = 2, Status = CaseStatus.Completed, OutcomeId = "default", LastActivityAt = T0.AddMinutes(5) },
            [In("a", "no"), Out("a", "Ticket note")],
            None);

        Assert.Equal(opened.Id, closed.Id);
        var read = await store.GetCaseAsync(opened.Id, None);
        Assert.Equal(closed, read);
        Assert.Equal(["battery belt melted", "no", "Ticket note"], (await store.GetCaseEntriesAsync(opened.Id, None)).Select(e => e.Activity.Text));
        Assert.Single(await store.FindCasesAsync(new TranscriptQuery(), None));
    }

    [Fact]
    public async Task AppendTurn_WithoutEntries_SavesOnlyTheSummary()
    {
        var store = CreateStore();
        var opened = await store.AppendTurnAsync(NewCase("a"), [In("a", "one")], None);

        await store.AppendTurnAsync(opened with { Status = CaseStatus.Cancelled }, [], None);

        Assert.Equal(CaseStatus.Cancelled, (await store.GetCaseAsync(opened.Id, None))!.Status);
        Assert.Single(await store.GetCaseEntriesAsync(opened.Id, None));
    }

    [Fact]
    public async Task AppendTurn_ForACaseDeletedWhileStillOpen_StartsANewCaseRatherThanRestoringTheOldOne()
    {
        var store = CreateStore();
        var opened = await store.AppendTurnAsync(NewCase("a"), [In("a", "before the delete")], None);
        await store.DeleteCaseAsync(opened.Id, None);

        var next = await store.AppendTurnAsync(opened with { Turns = 2 }, [In("a", "after the delete")], None);

        Assert.NotEqual(opened.Id, next.Id);
        Assert.Null(await store.GetCaseAsync(opened.Id, None));
        Assert.Equal("after the delete", Assert.Single(await store.GetCaseEntriesAsync(next.Id, None)).Activity.Text);
    }

    [Fact]
    public async Task AppendTurn_WhenCancelledBeforehand_SavesNothing()
    {
        var store = CreateStore();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AppendTurnAsync(NewCase("a"), [In("a", "one")], cancelled.Token));

        Assert.Empty(await store.FindCasesAsync(new TranscriptQuery(), None));
        Assert.Empty(await store.GetAsync("a", None));
    }

    [Fact]
    public async Task AppendTurn_ConcurrentTurns_GetDistinctIdsAndReadersNeverSeeACaseWithoutItsEntries()
    {
        var store = CreateStore();
        using var done = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            var checkedCases = 0;
            while (!done.IsCancellationRequested)
            {
                foreach (var found in await store.FindCasesAsync(new TranscriptQuery { Limit = 5 }, None))
                {
                    Assert.Equal(2, (await store.GetCaseEntriesAsync(found.Id, None)).Count);
                    checkedCases++;
                }
            }

            return checkedCases;
        });

        var saved = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            store.AppendTurnAsync(NewCase($"c{i}"), [In($"c{i}", $"question {i}"), Out($"c{i}", $"answer {i}")], None))));
        await done.CancelAsync();
        await reader;

        Assert.Equal(40, saved.Select(c => c.Id).Distinct().Count());
        foreach (var c in saved)
        {
            var entries = await store.GetCaseEntriesAsync(c.Id, None);
            Assert.Equal([$"question {c.ConversationKey[1..]}", $"answer {c.ConversationKey[1..]}"], entries.Select(e => e.Activity.Text));
        }
    }

    [Fact]
    public async Task GetCase_OfAnUnknownId_ReturnsNull()
    {
        var store = CreateStore();
        await store.AppendTurnAsync(NewCase("a"), [In("a", "one")], None);

        Assert.Null(await store.GetCaseAsync(999, None));
        Assert.Null(await store.GetCaseAsync(0, None));
    }

    [Fact]
    public async Task GetCase_RoundTripsEveryField()
    {
        var store = CreateStore();
        var original = new TranscriptCase
        {
            ConversationKey = "msteams/a:1",
            ConversationId = "a:1",
            ChannelId = "msteams",
            AgentId = "agent-7",
            AgentName = "Test Agent Seven",
            PlaybookId = "battery-belt-damage",
            StartedAt = new DateTimeOffset(2026, 3, 2, 10, 15, 30, 123, TimeSpan.FromHours(2)).AddTicks(4567),
            LastActivityAt = new DateTimeOffset(2026, 3, 2, 8, 20, 0, TimeSpan.Zero).AddTicks(1),
            Turns = 7,
            Escalated = true,
            Status = CaseStatus.Completed,
            OutcomeId = "urgent",
            Disposition = new DispositionDecision("Tech Support > Safety", 0.83, "Tech Support > Equipment"),
            Imported = true,
        };

        var saved = await store.AppendTurnAsync(original, [], None);

        var read = await store.GetCaseAsync(saved.Id, None);
        Assert.Equal(original with { Id = saved.Id }, read);
        Assert.Equal(TimeSpan.FromHours(2), read!.StartedAt.Offset);
    }

    [Fact]
    public async Task GetCaseEntries_ReturnsOnlyThatCasesEntriesInTheOrderRecorded()
    {
        var store = CreateStore();
        var first = await store.AppendTurnAsync(NewCase("a"), [In("a", "a1"), Out("a", "a2")], None);
        var other = await store.AppendTurnAsync(NewCase("b"), [In("b", "b1")], None);
        await store.AppendAsync([Out("a", "welcome, outside any case")], None);
        await store.AppendTurnAsync(first, [In("a", "a3"), Out("a", "a4")], None);
        var second = await store.AppendTurnAsync(NewCase("a"), [In("a", "second case")], None);

        Assert.Equal(["a1", "a2", "a3", "a4"], (await store.GetCaseEntriesAsync(first.Id, None)).Select(e => e.Activity.Text));
        Assert.Equal(["b1"], (await store.GetCaseEntriesAsync(other.Id, None)).Select(e => e.Activity.Text));
        Assert.Equal(["second case"], (await store.GetCaseEntriesAsync(second.Id, None)).Select(e => e.Activity.Text));
        Assert.Empty(await store.GetCaseEntriesAsync(0, None));
        Assert.Empty(await store.GetCaseEntriesAsync(999, None));
    }

    [Fact]
    public async Task GetCaseEntries_RoundTripsTheSnapshot()
    {
        var store = CreateStore();
        var fields = new JsonObject { ["camera_model"] = "reveal-x-pro", ["safety_concern"] = false, ["photos"] = new JsonObject { ["count"] = 2 } };
        var entry = In("a", "xpro") with { Snapshot = new TurnSnapshot("battery-belt-damage", "customer-relationship", fields) };

        var saved = await store.AppendTurnAsync(NewCase("a"), [entry, Out("a", "Who is on the contact?")], None);

        var read = await store.GetCaseEntriesAsync(saved.Id, None);
        var snapshot = read[0].Snapshot!;
        Assert.Equal("battery-belt-damage", snapshot.PlaybookId);
        Assert.Equal("customer-relationship", snapshot.StepId);
        Assert.Equal(fields.ToJsonString(), snapshot.Fields.ToJsonString());
        Assert.Null(read[1].Snapshot);
    }

    [Fact]
    public async Task Append_KeepsWhatWasRecorded_WhenTheCallerChangesItsActivityLater()
    {
        var store = CreateStore();
        var entry = In("a", "as typed");
        var saved = await store.AppendTurnAsync(NewCase("a"), [entry], None);

        entry.Activity.Text = "changed after recording";
        (await store.GetCaseEntriesAsync(saved.Id, None))[0].Activity.Text = "changed after reading";

        Assert.Equal("as typed", (await store.GetAsync("a", None))[0].Activity.Text);
        Assert.Equal("as typed", (await store.GetCaseEntriesAsync(saved.Id, None))[0].Activity.Text);
    }

    [Fact]
    public async Task FindCases_ReturnsNewestFirst()
    {
        var store = CreateStore();
        var ids = await SaveCasesAsync(store, 4);

        var found = await store.FindCasesAsync(new TranscriptQuery(), None);

        Assert.Equal(ids.AsEnumerable().Reverse(), found.Select(c => c.Id));
    }

    [Fact]
    public async Task FindCases_ByPlaybook_IgnoresCase()
    {
        var store = CreateStore();
        var belt = await store.AppendTurnAsync(NewCase("a") with { PlaybookId = "battery-belt-damage" }, [], None);
        await store.AppendTurnAsync(NewCase("b") with { PlaybookId = "missing-camera" }, [], None);
        await store.AppendTurnAsync(NewCase("c"), [], None);

        var found = await store.FindCasesAsync(new TranscriptQuery { PlaybookId = "Battery-Belt-Damage" }, None);

        Assert.Equal([belt.Id], found.Select(c => c.Id));
    }

    [Fact]
    public async Task FindCases_ByAgent_MatchesTheIdExactly()
    {
        var store = CreateStore();
        var mine = await store.AppendTurnAsync(NewCase("a") with { AgentId = "agent-1" }, [], None);
        await store.AppendTurnAsync(NewCase("b") with { AgentId = "agent-2" }, [], None);
        await store.AppendTurnAsync(NewCase("c") with { AgentId = "AGENT-1" }, [], None);

        var found = await store.FindCasesAsync(new TranscriptQuery { AgentId = "agent-1" }, None);

        Assert.Equal([mine.Id], found.Select(c => c.Id));
    }

    [Fact]
    public async Task FindCases_ByStartTime_IncludesFromAndExcludesTo()
    {
        var store = CreateStore();
        var early = await store.AppendTurnAsync(NewCase("a") with { StartedAt = T0 }, [], None);
        var middle = await store.AppendTurnAsync(NewCase("b") with { StartedAt = T0.AddDays(1) }, [], None);
        await store.AppendTurnAsync(NewCase("c") with { StartedAt = T0.AddDays(2) }, [], None);

        var found = await store.FindCasesAsync(new TranscriptQuery { From = T0, To = T0.AddDays(2) }, None);
        var fromOnly = await store.FindCasesAsync(new TranscriptQuery { From = T0.AddDays(1) }, None);

        Assert.Equal([middle.Id, early.Id], found.Select(c => c.Id));
        Assert.Equal(2, fromOnly.Count);
        Assert.DoesNotContain(early.Id, fromOnly.Select(c => c.Id));
    }

    [Theory]
    [InlineData("default", "completed-default")]
    [InlineData("URGENT", "completed-urgent")]
    [InlineData("completed", "completed-default,completed-urgent")]
    [InlineData("cancelled", "cancelled")]
    [InlineData("open", "open")]
    [InlineData("no-such-outcome", "")]
    [InlineData("open,completed", "")]
    [InlineData("1", "")]
    public async Task FindCases_ByOutcome_TakesAnOutcomeIdOrAStatusName(string outcome, string expected)
    {
        var store = CreateStore();
        await store.AppendTurnAsync(NewCase("open"), [], None);
        await store.AppendTurnAsync(NewCase("completed-default") with { Status = CaseStatus.Completed, OutcomeId = "default" }, [], None);
        await store.AppendTurnAsync(NewCase("completed-urgent") with { Status = CaseStatus.Completed, OutcomeId = "urgent" }, [], None);
        await store.AppendTurnAsync(NewCase("cancelled") with { Status = CaseStatus.Cancelled }, [], None);

        var found = await store.FindCasesAsync(new TranscriptQuery { Outcome = outcome }, None);

        Assert.Equal(expected, string.Join(',', found.Select(c => c.ConversationKey).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task FindCases_ByEscalation_FindsEitherSide()
    {
        var store = CreateStore();
        var escalated = await store.AppendTurnAsync(NewCase("a") with { Escalated = true }, [], None);
        var calm = await store.AppendTurnAsync(NewCase("b"), [], None);

        Assert.Equal([escalated.Id], (await store.FindCasesAsync(new TranscriptQuery { Escalated = true }, None)).Select(c => c.Id));
        Assert.Equal([calm.Id], (await store.FindCasesAsync(new TranscriptQuery { Escalated = false }, None)).Select(c => c.Id));
    }

    [Fact]
    public async Task FindCases_PagedByBeforeId_VisitsEveryCaseOnceNewestFirst()
    {
        var store = CreateStore();
        var ids = await SaveCasesAsync(store, 7);

        var seen = new List<long>();
        long? before = null;
        while (true)
        {
            var page = await store.FindCasesAsync(new TranscriptQuery { BeforeId = before, Limit = 3 }, None);
            Assert.InRange(page.Count, 0, 3);
            if (page.Count == 0)
            {
                break;
            }

            seen.AddRange(page.Select(c => c.Id));
            before = page[^1].Id;
        }

        Assert.Equal(ids.AsEnumerable().Reverse(), seen);
    }

    [Fact]
    public async Task FindCases_PagedWithAFilter_KeepsTheFilterOnEveryPage()
    {
        var store = CreateStore();
        var belts = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            var saved = await store.AppendTurnAsync(NewCase($"c{i}") with { PlaybookId = i % 2 == 0 ? "battery-belt-damage" : "missing-camera" }, [], None);
            if (i % 2 == 0)
            {
                belts.Add(saved.Id);
            }
        }

        var firstPage = await store.FindCasesAsync(new TranscriptQuery { PlaybookId = "battery-belt-damage", Limit = 2 }, None);
        var secondPage = await store.FindCasesAsync(new TranscriptQuery { PlaybookId = "battery-belt-damage", Limit = 2, BeforeId = firstPage[^1].Id }, None);

        Assert.Equal(belts.AsEnumerable().Reverse(), firstPage.Concat(secondPage).Select(c => c.Id));
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    public async Task FindCases_ReturnsAtMostTheEffectiveLimit(int limit, int expected)
    {
        var store = CreateStore();
        var ids = await SaveCasesAsync(store, 4);

        var found = await store.FindCasesAsync(new TranscriptQuery { Limit = limit }, None);

        Assert.Equal(ids.AsEnumerable().Reverse().Take(expected), found.Select(c => c.Id));
    }

    [Fact]
    public async Task FindCases_WithoutALimit_ReturnsTheDefaultPage()
    {
        var store = CreateStore();
        await SaveCasesAsync(store, TranscriptQuery.DefaultLimit + 3);

        Assert.Equal(TranscriptQuery.DefaultLimit, (await store.FindCasesAsync(new TranscriptQuery(), None)).Count);
    }

    [Fact]
    public async Task DeleteCase_RemovesTheCaseAndItsEntriesOnly()
    {
        var store = CreateStore();
        var doomed = await store.AppendTurnAsync(NewCase("a"), [In("a", "doomed"), Out("a", "doomed reply")], None);
        var kept = await store.AppendTurnAsync(NewCase("a"), [In("a", "kept")], None);
        await store.AppendAsync([Out("a", "outside any case")], None);

        Assert.True(await store.DeleteCaseAsync(doomed.Id, None));

        Assert.Null(await store.GetCaseAsync(doomed.Id, None));
        Assert.Empty(await store.GetCaseEntriesAsync(doomed.Id, None));
        Assert.Equal(["kept", "outside any case"], (await store.GetAsync("a", None)).Select(e => e.Activity.Text));
        Assert.Equal([kept.Id], (await store.FindCasesAsync(new TranscriptQuery(), None)).Select(c => c.Id));
    }

    [Fact]
    public async Task DeleteCase_OfAnUnknownOrZeroId_ReturnsFalseAndKeepsEverything()
    {
        var store = CreateStore();
        await store.AppendTurnAsync(NewCase("a"), [In("a", "one")], None);
        await store.AppendAsync([Out("a", "outside any case")], None);

        Assert.False(await store.DeleteCaseAsync(999, None));
        Assert.False(await store.DeleteCaseAsync(0, None));

        Assert.Equal(2, (await store.GetAsync("a", None)).Count);
    }

    [Fact]
    public async Task Delete_RemovesTheConversationsEntriesAndCasesAndNothingElse()
    {
        var store = CreateStore();
        var doomed = await store.AppendTurnAsync(NewCase("a"), [In("a", "a1")], None);
        await store.AppendAsync([Out("a", "welcome")], None);
        var kept = await store.AppendTurnAsync(NewCase("b"), [In("b", "b1")], None);

        await store.DeleteAsync("a", None);

        Assert.Empty(await store.GetAsync("a", None));
        Assert.Null(await store.GetCaseAsync(doomed.Id, None));
        Assert.Empty(await store.GetCaseEntriesAsync(doomed.Id, None));
        Assert.Equal([kept.Id], (await store.FindCasesAsync(new TranscriptQuery(), None)).Select(c => c.Id));
        Assert.Single(await store.GetCaseEntriesAsync(kept.Id, None));
    }

    [Fact]
    public async Task Purge_RemovesCasesWithoutActivitySinceTheCutoffWithTheirEntries()
    {
        var store = CreateStore();
        var cutoff = T0.AddDays(30);
        var stale = await store.AppendTurnAsync(NewCase("a") with { LastActivityAt = cutoff.AddTicks(-1) }, [In("a", "stale", T0)], None);
        var longRunning = await store.AppendTurnAsync(NewCase("b") with { StartedAt = T0, LastActivityAt = cutoff }, [In("b", "old but active", T0)], None);

        var removed = await store.PurgeAsync(cutoff, None);

        Assert.Equal(1, removed);
        Assert.Null(await store.GetCaseAsync(stale.Id, None));
        Assert.Empty(await store.GetAsync("a", None));
        Assert.NotNull(await store.GetCaseAsync(longRunning.Id, None));
        Assert.Single(await store.GetCaseEntriesAsync(longRunning.Id, None));
    }

    [Fact]
    public async Task Purge_RemovesEntriesOutsideAnyCaseByTheirOwnTimestamp()
    {
        var store = CreateStore();
        var cutoff = T0.AddDays(30);
        await store.AppendAsync([Out("a", "old welcome", cutoff.AddSeconds(-1)), Out("a", "new notice", cutoff)], None);

        Assert.Equal(0, await store.PurgeAsync(cutoff, None));

        Assert.Equal(["new notice"], (await store.GetAsync("a", None)).Select(e => e.Activity.Text));
    }

    [Fact]
    public async Task Purge_OfACaseWithOldEntries_KeepsThemWhileTheCaseIsActive()
    {
        var store = CreateStore();
        var cutoff = T0.AddDays(30);
        var active = await store.AppendTurnAsync(NewCase("a") with { LastActivityAt = cutoff.AddDays(1) }, [In("a", "first message", T0)], None);

        await store.PurgeAsync(cutoff, None);

        Assert.Single(await store.GetCaseEntriesAsync(active.Id, None));
    }

    [Fact]
    public async Task Purge_OfMoreExpiredCasesThanFitInOneWrite_RemovesThemAllAndCountsThem()
    {
        var store = CreateStore();
        var cutoff = T0.AddDays(30);
        await Task.WhenAll(Enumerable.Range(0, 250).Select(i =>
            store.AppendTurnAsync(NewCase($"c{i}"), [In($"c{i}", "old", T0)], None)));
        await Task.WhenAll(Enumerable.Range(0, 1200).Select(i =>
            store.AppendAsync([Out($"w{i}", "old welcome", T0)], None)));
        var kept = await store.AppendTurnAsync(NewCase("new") with { LastActivityAt = cutoff }, [In("new", "new", cutoff)], None);

        Assert.Equal(250, await store.PurgeAsync(cutoff, None));

        Assert.Equal([kept.Id], (await store.FindCasesAsync(new TranscriptQuery { Limit = TranscriptQuery.MaxLimit }, None)).Select(c => c.Id));
        Assert.Empty(await store.GetAsync("c249", None));
        Assert.Empty(await store.GetAsync("w1199", None));
        Assert.Equal(0, await store.PurgeAsync(cutoff, None));
    }

    /// <summary>An open case of conversation <paramref name="key"/> started at <see cref="T0"/>.</summary>
    protected static TranscriptCase NewCase(string key) => new()
    {
        ConversationKey = key,
        ConversationId = key,
        ChannelId = "test",
        AgentId = "agent-1",
        AgentName = "Test Agent",
        StartedAt = T0,
        LastActivityAt = T0,
        Status = CaseStatus.Open,
    };

    protected static TranscriptEntry In(string key, string text, DateTimeOffset? at = null) =>
        new(key, at ?? T0, TranscriptDirection.Inbound, TestActivities.Message(key, text));

    protected static TranscriptEntry Out(string key, string text, DateTimeOffset? at = null) =>
        new(key, at ?? T0, TranscriptDirection.Outbound, TestActivities.Message(key, text));

    private static async Task<List<long>> SaveCasesAsync(ITranscriptStore store, int count)
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await store.AppendTurnAsync(NewCase($"c{i}"), [In($"c{i}", $"message {i}")], None)).Id);
        }

        return ids;
    }
}
