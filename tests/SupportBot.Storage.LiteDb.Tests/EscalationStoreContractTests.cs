using System.Text.Json.Nodes;
using SupportBot.Escalations;

namespace SupportBot.Tests.Storage.LiteDb;

/// <summary>The <see cref="IEscalationStore"/> contract; every implementation runs the same suite.</summary>
public abstract class EscalationStoreContractTests
{
    protected static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IEscalationStore CreateStore();

    [Fact]
    public async Task Create_AssignsIncreasingIdsAndVersionOne()
    {
        var store = CreateStore();

        var first = await store.CreateAsync(NewEscalation("first"), [], None);
        var presetId = NewEscalation("second");
        presetId.Id = 99;
        presetId.Version = 7;
        var second = await store.CreateAsync(presetId, [], None);
        var third = await store.CreateAsync(NewEscalation("third"), [], None);

        Assert.True(first.Id > 0, $"ids start above zero, got {first.Id}");
        Assert.True(second.Id > first.Id, $"{second.Id} should follow {first.Id}");
        Assert.True(third.Id > second.Id, $"{third.Id} should follow {second.Id}");
        Assert.Equal(1, first.Version);
        Assert.Equal(1, second.Version);
        Assert.Equal("second", (await store.GetAsync(second.Id, None))!.Summary);
        Assert.Equal(1, (await store.GetAsync(second.Id, None))!.Version);
    }

    [Fact]
    public async Task Create_UpdatesTheCallersEscalationAndMessagesButReturnsACopy()
    {
        var store = CreateStore();
        var escalation = NewEscalation("original");
        var message = Message("summary", T0);

        var created = await store.CreateAsync(escalation, [message], None);

        Assert.Equal(created.Id, escalation.Id);
        Assert.Equal(1, escalation.Version);
        Assert.Equal(created.Id, message.EscalationId);
        Assert.NotSame(escalation, created);
        created.Summary = "changed through the returned object";
        escalation.Summary = "changed through the caller's object";
        message.Text = "changed after queueing";
        Assert.Equal("original", (await store.GetAsync(created.Id, None))!.Summary);
        Assert.Equal("summary", Assert.Single(await store.OutboxAsync(created.Id, None)).Text);
    }

    [Fact]
    public async Task Get_ReturnsACopy_MutatingItLeavesTheStoreUnchanged()
    {
        var store = CreateStore();
        var created = await store.CreateAsync(NewEscalation("original"), [], None);

        var read = (await store.GetAsync(created.Id, None))!;
        read.Summary = "mutated";
        read.Tried.Add("mutated");
        read.Facts["order"] = "mutated";
        read.Status = EscalationStatus.Resolved;

        var again = (await store.GetAsync(created.Id, None))!;
        Assert.Equal("original", again.Summary);
        Assert.Equal(["restarted the router"], again.Tried);
        Assert.Equal("A-1001", (string)again.Facts["order"]!);
        Assert.Equal(EscalationStatus.Open, again.Status);
    }

    [Fact]
    public async Task Get_OfUnknownId_ReturnsNull()
    {
        var store = CreateStore();
        await store.CreateAsync(NewEscalation("one"), [], None);

        Assert.Null(await store.GetAsync(12345, None));
    }

    [Fact]
    public async Task Get_ReturnsEveryFieldExactly()
    {
        var store = CreateStore();
        var escalation = NewEscalation("all fields");
        escalation.Conversation = new ConversationReference("msteams", "conv-1", "https://example.test/", "agent-7", "Agent Seven");
        escalation.Audit.Add(new AuditEntry(T0.AddTicks(1234567), "agent-7", "escalated", "by hand"));
        escalation.DueAt = new DateTimeOffset(2025, 3, 1, 11, 0, 0, TimeSpan.FromHours(2)).AddTicks(4321);
        escalation.Asks = ["call the customer", "approve a refund"];
        escalation.PendingQuestion = "Which order?";
        escalation.OffHours = true;
        escalation.ChainStep = 2;
        escalation.Assignee = "lead-2";

        var created = await store.CreateAsync(escalation, [], None);

        var read = (await store.GetAsync(created.Id, None))!;
        Assert.Equal(escalation.Conversation, read.Conversation);
        Assert.Equal(escalation.Audit, read.Audit);
        Assert.Equal(escalation.DueAt, read.DueAt);
        Assert.Equal(escalation.DueAt.Value.Offset, read.DueAt!.Value.Offset);
        Assert.Equal(escalation.Asks, read.Asks);
        Assert.Equal("Which order?", read.PendingQuestion);
        Assert.True(read.OffHours);
        Assert.Equal(2, read.ChainStep);
        Assert.Equal("lead-2", read.Assignee);
        Assert.True(JsonNode.DeepEquals(escalation.Facts, read.Facts));
    }

    [Fact]
    public async Task Update_WithCurrentVersion_SavesChangeAndBumpsVersion()
    {
        var store = CreateStore();
        var created = await store.CreateAsync(NewEscalation("before"), [], None);
        var read = (await store.GetAsync(created.Id, None))!;

        read.Summary = "after";
        read.Status = EscalationStatus.Acknowledged;
        Assert.True(await store.UpdateAsync(read, [], None));

        Assert.Equal(2, read.Version);
        var stored = (await store.GetAsync(created.Id, None))!;
        Assert.Equal("after", stored.Summary);
        Assert.Equal(EscalationStatus.Acknowledged, stored.Status);
        Assert.Equal(2, stored.Version);

        stored.Summary = "again";
        Assert.True(await store.UpdateAsync(stored, [], None));
        Assert.Equal(3, (await store.GetAsync(created.Id, None))!.Version);
    }

    [Fact]
    public async Task Update_WithStaleVersion_ReturnsFalseAndWritesNothingNorQueuesItsMessages()
    {
        var store = CreateStore();
        var created = await store.CreateAsync(NewEscalation("before"), [], None);
        var first = (await store.GetAsync(created.Id, None))!;
        var second = (await store.GetAsync(created.Id, None))!;
        first.Summary = "first writer";
        Assert.True(await store.UpdateAsync(first, [Message("from first", T0)], None));

        second.Summary = "second writer";
        var lostMessage = Message("from second", T0);
        var saved = await store.UpdateAsync(second, [lostMessage], None);

        Assert.False(saved);
        Assert.Equal(1, second.Version);
        var stored = (await store.GetAsync(created.Id, None))!;
        Assert.Equal("first writer", stored.Summary);
        Assert.Equal(2, stored.Version);
        Assert.Equal(["from first"], (await store.OutboxAsync(created.Id, None)).Select(m => m.Text));
        Assert.Equal(["from first"], (await store.ClaimOutboxAsync(T0, T0.AddMinutes(1), 10, None)).Select(m => m.Text));
    }

    [Fact]
    public async Task Update_OfUnknownEscalation_ReturnsFalseAndQueuesNothing()
    {
        var store = CreateStore();
        var ghost = NewEscalation("never created");
        ghost.Id = 77;
        ghost.Version = 1;

        Assert.False(await store.UpdateAsync(ghost, [Message("lost", T0)], None));

        Assert.Null(await store.GetAsync(77, None));
        Assert.Empty(await store.ClaimOutboxAsync(T0, T0.AddMinutes(1), 10, None));
    }

    [Fact]
    public async Task Outbox_MessagesWrittenWithCreateAndUpdate_AppearWithTheEscalationId()
    {
        var store = CreateStore();
        var other = await store.CreateAsync(NewEscalation("other"), [Message("other summary", T0)], None);
        var created = await store.CreateAsync(NewEscalation("mine"), [Message("summary", T0.AddSeconds(1))], None);
        var read = (await store.GetAsync(created.Id, None))!;
        var reminder = Message("reminder", T0.AddSeconds(2), OutboxKinds.Reminder);
        reminder.Data = new JsonObject { ["card"] = new JsonObject { ["title"] = "Remind" } };
        Assert.True(await store.UpdateAsync(read, [reminder], None));

        var outbox = await store.OutboxAsync(created.Id, None);

        Assert.Equal(["summary", "reminder"], outbox.Select(m => m.Text));
        Assert.All(outbox, m => Assert.Equal(created.Id, m.EscalationId));
        Assert.Equal(reminder.Id, outbox[1].Id);
        Assert.Equal(OutboxKinds.Reminder, outbox[1].Kind);
        Assert.Equal("Remind", (string)outbox[1].Data!["card"]!["title"]!);
        Assert.Equal(["other summary"], (await store.OutboxAsync(other.Id, None)).Select(m => m.Text));
        Assert.Empty(await store.OutboxAsync(9999, None));
    }

    [Fact]
    public async Task Claim_ReturnsOnlyReadyUndeliveredUnleasedMessages_OldestFirst()
    {
        var store = CreateStore();
        var created = await store.CreateAsync(NewEscalation("e"),
        [
            Message("newer", T0.AddSeconds(-10)),
            Message("later", T0.AddSeconds(-30), nextAttemptAt: T0.AddMinutes(5)),
            Message("oldest", T0.AddSeconds(-60)),
            Message("delivered", T0.AddSeconds(-90)),
            Message("leased", T0.AddSeconds(-120)),
        ], None);
        var outbox = await store.OutboxAsync(created.Id, None);
        await store.MarkDeliveredAsync(outbox.Single(m => m.Text == "delivered").Id, T0.AddSeconds(-5), None);
        var leased = await store.ClaimOutboxAsync(T0.AddSeconds(-1), T0.AddMinutes(1), 1, None);
        Assert.Equal(["leased"], leased.Select(m => m.Text));

        var claimed = await store.ClaimOutboxAsync(T0, T0.AddMinutes(1), 10, None);

        Assert.Equal(["oldest", "newer"], claimed.Select(m => m.Text));
        Assert.All(claimed, m => Assert.Equal(created.Id, m.EscalationId));
    }

    [Fact]
    public async Task Claim_BeforeTheLeaseEnds_ReturnsNothing_AndAfterItEnds_ReturnsTheMessageAgain()
    {
        var store = CreateStore();
        await store.CreateAsync(NewEscalation("e"), [Message("summary", T0)], None);
        Assert.Single(await store.ClaimOutboxAsync(T0, T0.AddMinutes(1), 10, None));

        Assert.Empty(await store.ClaimOutboxAsync(T0.AddSeconds(30), T0.AddMinutes(2), 10, None));
        Assert.Empty(await store.ClaimOutboxAsync(T0.AddMinutes(1).AddTicks(-1), T0.AddMinutes(2), 10, None));

        var reclaimed = await store.ClaimOutboxAsync(T0.AddMinutes(1), T0.AddMinutes(2), 10, None);
        Assert.Equal(["summary"], reclaimed.Select(m => m.Text));
    }

    [Fact]
    public async Task Claim_TakesAtMostMax_AndLeavesTheRestForTheNextClaim()
    {
        var store = CreateStore();
        await store.CreateAsync(NewEscalation("e"), [.. Enumerable.Range(0, 5).Select(i => Message($"m{i}", T0.AddSeconds(i)))], None);

        var first = await store.ClaimOutboxAsync(T0.AddMinutes(1), T0.AddMinutes(2), 3, None);
        var second = await store.ClaimOutboxAsync(T0.AddMinutes(1), T0.AddMinutes(2), 3, None);
        var none = await store.ClaimOutboxAsync(T0.AddMinutes(1), T0.AddMinutes(2), 0, None);

        Assert.Equal(["m0", "m1", "m2"], first.Select(m => m.Text));
        Assert.Equal(["m3", "m4"], second.Select(m => m.Text));
        Assert.Empty(none);
    }

    [Fact]
    public async Task Claim_OfMessagesCreatedAtTheSameInstant_ReturnsThemInQueueOrder()
    {
        var store = CreateStore();
        var texts = Enumerable.Range(0, 12).Select(i => $"message {i}").ToList();
        var created = await store.CreateAsync(NewEscalation("e"), [.. texts.Take(6).Select(t => Message(t, T0))], None);
        Assert.True(await store.UpdateAsync((await store.GetAsync(created.Id, None))!, [.. texts.Skip(6).Select(t => Message(t, T0))], None));

        Assert.Equal(texts, (await store.OutboxAsync(created.Id, None)).Select(m => m.Text));
        var claimed = await store.ClaimOutboxAsync(T0, T0.AddMinutes(1), 100, None);
        Assert.Equal(texts, claimed.Select(m => m.Text));

        // Rescheduled in reverse, all to the same time: still retried in the order they were queued.
        foreach (var message in claimed.Reverse())
        {
            await store.RescheduleAsync(message.Id, T0.AddMinutes(5), "busy", None);
        }

        Assert.Equal(texts, (await store.ClaimOutboxAsync(T0.AddMinutes(5), T0.AddMinutes(6), 100, None)).Select(m => m.Text));
    }

    [Fact]
    public async Task Claim_OfMessageDueLessThanAMillisecondLater_ReturnsNothingYet()
    {
        var store = CreateStore();
        await store.CreateAsync(NewEscalation("e"), [Message("soon", T0, nextAttemptAt: T0.AddTicks(5000))], None);

        Assert.Empty(await store.ClaimOutboxAsync(T0.AddTicks(4999), T0.AddMinutes(1), 10, None));
        Assert.Single(await store.ClaimOutboxAsync(T0.AddTicks(5000), T0.AddMinutes(1), 10, None));
    }

    [Fact]
    public async Task Reschedule_MakesTheMessageClaimableAtTheNewTime_AndRecordsTheAttempt()
    {
        var store = CreateStore();
        var created = await store.CreateAsync(NewEscalation("e"), [Message("summary", T0)], None);
        var claimed = Assert.Single(await store.ClaimOutboxAsync(T0, T0.AddMinutes(10), 10, None));

        await store.RescheduleAsync(claimed.Id, T0.AddMinutes(2), "channel returned 503", None);

        Assert.Empty(await store.ClaimOutboxAsync(T0.AddMinutes(2).AddTicks(-1), T0.AddMinutes(20), 10, None));
        var retried = Assert.Single(await store.ClaimOutboxAsync(T0.AddMinutes(2), T0.AddMinutes(20), 10, None));
        Assert.Equal(claimed.Id, retried.Id);
        Assert.Equal(1, retried.Attempts);
        Assert.Equal("channel returned 503", retried.LastError);
        Assert.Equal(T0.AddMinutes(2), retried.NextAttemptAt);
        Assert.Null(retried.DeliveredAt);
        Assert.Equal(1, Assert.Single(await store.OutboxAsync(created.Id, None)).Attempts);
    }

    [Fact]
    public async Task MarkDelivered_RecordsDeliveryAndTheMessageIsNeverClaimedAgain()
    {
        var store = CreateStore();
        var created = await store.CreateAsync(NewEscalation("e"), [Message("summary", T0), Message("other", T0.AddSeconds(1))], None);
        var summary = Assert.Single(await store.ClaimOutboxAsync(T0.AddSeconds(1), T0.AddSeconds(2), 1, None));

        await store.MarkDeliveredAsync(summary.Id, T0.AddSeconds(1).AddTicks(1234), None);

        var delivered = (await store.OutboxAsync(created.Id, None)).Single(m => m.Id == summary.Id);
        Assert.Equal(T0.AddSeconds(1).AddTicks(1234), delivered.DeliveredAt);
        Assert.Equal(1, delivered.Attempts);
        Assert.Equal(["other"], (await store.ClaimOutboxAsync(T0.AddDays(1), T0.AddDays(2), 10, None)).Select(m => m.Text));
        Assert.DoesNotContain(await store.ClaimOutboxAsync(T0.AddDays(3), T0.AddDays(4), 10, None), m => m.Id == summary.Id);
    }

    [Fact]
    public async Task Reschedule_AfterDelivery_DoesNotMakeTheMessageClaimableAgain()
    {
        var store = CreateStore();
        await store.CreateAsync(NewEscalation("e"), [Message("summary", T0)], None);
        var summary = Assert.Single(await store.ClaimOutboxAsync(T0, T0.AddSeconds(1), 10, None));
        await store.MarkDeliveredAsync(summary.Id, T0, None);

        // A second dispatcher whose lease had run out reports a late failure.
        await store.RescheduleAsync(summary.Id, T0.AddMinutes(1), "timed out", None);

        Assert.Empty(await store.ClaimOutboxAsync(T0.AddDays(1), T0.AddDays(2), 10, None));
    }

    [Fact]
    public async Task MarkDeliveredAndReschedule_OfUnknownMessage_ChangeNothing()
    {
        var store = CreateStore();
        var created = await store.CreateAsync(NewEscalation("e"), [Message("summary", T0)], None);

        await store.MarkDeliveredAsync("no-such-message", T0, None);
        await store.RescheduleAsync("no-such-message", T0.AddDays(1), "error", None);

        var message = Assert.Single(await store.OutboxAsync(created.Id, None));
        Assert.Equal(0, message.Attempts);
        Assert.Null(message.DeliveredAt);
        Assert.Single(await store.ClaimOutboxAsync(T0, T0.AddMinutes(1), 10, None));
    }

    [Fact]
    public async Task Due_ReturnsOnlyOpenEscalationsDueByNow_EarliestFirst()
    {
        var store = CreateStore();
        await Create(store, "late", dueAt: T0.AddMinutes(-1));
        await Create(store, "no timer", dueAt: null);
        await Create(store, "future", dueAt: T0.AddMinutes(1));
        // 08:00 at +02:00 is 06:00 UTC: the earliest of all, whatever its offset says.
        await Create(store, "earliest", dueAt: new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(2)));
        await Create(store, "exactly now", dueAt: T0);
        await Create(store, "closed", dueAt: T0.AddHours(-5), status: EscalationStatus.Resolved);
        await Create(store, "expired", dueAt: T0.AddHours(-4), status: EscalationStatus.Expired);
        await Create(store, "acknowledged", dueAt: T0.AddMinutes(-30), status: EscalationStatus.Acknowledged);
        await Create(store, "half a millisecond later", dueAt: T0.AddTicks(5000));

        var due = await store.DueAsync(T0, None);

        Assert.Equal(["earliest", "acknowledged", "late", "exactly now"], due.Select(e => e.Summary));
    }

    [Fact]
    public async Task Due_AfterTheEscalationIsClosedOrItsTimerCleared_NoLongerReturnsIt()
    {
        var store = CreateStore();
        var closing = await Create(store, "closing", dueAt: T0.AddMinutes(-2));
        var cleared = await Create(store, "cleared", dueAt: T0.AddMinutes(-1));
        var moved = await Create(store, "moved", dueAt: T0.AddMinutes(-1));

        closing.Status = EscalationStatus.ReturnedToAgent;
        Assert.True(await store.UpdateAsync(closing, [], None));
        cleared.DueAt = null;
        Assert.True(await store.UpdateAsync(cleared, [], None));
        moved.DueAt = T0.AddMinutes(10);
        Assert.True(await store.UpdateAsync(moved, [], None));

        Assert.Empty(await store.DueAsync(T0, None));
        Assert.Equal(["moved"], (await store.DueAsync(T0.AddMinutes(10), None)).Select(e => e.Summary));
    }

    [Fact]
    public async Task List_ExcludesClosedUnlessAsked_NewestFirst()
    {
        var store = CreateStore();
        await Create(store, "open 1", dueAt: null);
        await Create(store, "resolved", dueAt: null, status: EscalationStatus.Resolved);
        await Create(store, "taken over", dueAt: null, status: EscalationStatus.TakenOver);
        var closedLater = await Create(store, "closed later", dueAt: T0);
        closedLater.Status = EscalationStatus.Expired;
        Assert.True(await store.UpdateAsync(closedLater, [], None));

        Assert.Equal(["taken over", "open 1"], (await store.ListAsync(includeClosed: false, None)).Select(e => e.Summary));
        Assert.Equal(["closed later", "taken over", "resolved", "open 1"], (await store.ListAsync(includeClosed: true, None)).Select(e => e.Summary));
    }

    protected static Escalation NewEscalation(string summary) => new()
    {
        PlaybookId = "router-down",
        Category = "Router down",
        Urgency = "high",
        Route = "escalation-lead",
        Summary = summary,
        Tried = ["restarted the router"],
        Facts = new JsonObject { ["order"] = "A-1001", ["count"] = 3 },
        Conversation = new ConversationReference("test", "conv", null, "agent", "Agent"),
        CreatedAt = T0,
    };

    protected static OutboxMessage Message(string text, DateTimeOffset createdAt, string kind = OutboxKinds.Summary, DateTimeOffset? nextAttemptAt = null) => new()
    {
        Kind = kind,
        Text = text,
        CreatedAt = createdAt,
        NextAttemptAt = nextAttemptAt ?? createdAt,
    };

    private static async Task<Escalation> Create(IEscalationStore store, string summary, DateTimeOffset? dueAt, EscalationStatus status = EscalationStatus.Open)
    {
        var escalation = NewEscalation(summary);
        escalation.DueAt = dueAt;
        escalation.Status = status;
        return await store.CreateAsync(escalation, [], None);
    }
}
