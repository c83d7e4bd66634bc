using SupportBot.Storage;
using SupportBot.Tests.Testing;
using SupportBot.Transcripts.Files;
using SupportBot.Transcripts.Verification;

namespace SupportBot.Tests.Transcripts;

public class VerificationTests
{
    private static readonly string[] DeviceCheckConversation = ["device check", "requested", "Beta Two", "2", "no", "unit rattles"];

    private static Task<TranscriptFileContent> RecordDeviceCheckAsync() =>
        VerificationBots.RecordAsync(VerificationBots.Triage(VerificationBots.Catalog(TestPlaybooks.DeviceCheck)), DeviceCheckConversation);

    private static Task<TranscriptVerification> VerifyAgainstAsync(TranscriptFileContent recorded, string playbook) =>
        new TranscriptVerifier(VerificationBots.Triage(VerificationBots.Catalog(playbook))).VerifyAsync(recorded, "recorded.transcript", CancellationToken.None);

    private static string Edited(string from, string to)
    {
        Assert.Contains(from, TestPlaybooks.DeviceCheck, StringComparison.Ordinal);
        return TestPlaybooks.DeviceCheck.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_against_the_playbooks_it_was_recorded_with_finds_no_difference()
    {
        var recorded = await RecordDeviceCheckAsync();

        var result = await VerifyAgainstAsync(recorded, TestPlaybooks.DeviceCheck);

        Assert.Empty(result.Differences);
        Assert.Equal(6, result.Replayed);
        Assert.Null(result.DivergedAtTurn);
    }

    [Fact]
    public async Task Changed_prompt_is_reported_at_the_turn_that_showed_it_with_the_recorded_step()
    {
        var recorded = await RecordDeviceCheckAsync();

        var result = await VerifyAgainstAsync(recorded, Edited("prompt: How many units?", "prompt: How many units are affected?"));

        var difference = Assert.Single(result.Differences);
        Assert.Equal(new TranscriptDifference(DifferenceKind.Reply, 3, "count", "reply 1", "How many units?", "How many units are affected?"), difference);
    }

    [Fact]
    public async Task Changed_branch_is_reported_as_a_step_and_an_outcome_difference()
    {
        var recorded = await RecordDeviceCheckAsync();

        // "no" to "Was anyone hurt?" now leads to the urgent outcome instead of the notes step.
        var result = await VerifyAgainstAsync(recorded, Edited("when: { field: injured, equals: true }", "when: { field: injured, equals: false }"));

        Assert.Equal(5, result.DivergedAtTurn);
        Assert.Contains(new TranscriptDifference(DifferenceKind.Step, 5, "notes", "step", "device-check/notes", "none"), result.Differences);
        Assert.Contains(new TranscriptDifference(DifferenceKind.Outcome, null, null, "id", "default", "urgent"), result.Differences);
        Assert.Contains(new TranscriptDifference(DifferenceKind.Outcome, null, null, "escalated", "no", "yes"), result.Differences);
    }

    [Fact]
    public async Task Turns_after_the_dialog_took_another_path_are_replayed_but_not_compared()
    {
        var recorded = await RecordDeviceCheckAsync();

        var result = await VerifyAgainstAsync(recorded, Edited("when: { field: injured, equals: true }", "when: { field: injured, equals: false }"));

        Assert.Equal(6, result.Replayed);
        Assert.DoesNotContain(result.Differences, d => d.Turn > 5);
    }

    [Fact]
    public async Task Changed_choice_value_is_reported_as_a_field_difference_once_at_the_turn_it_first_differs()
    {
        var recorded = await RecordDeviceCheckAsync();

        var result = await VerifyAgainstAsync(recorded, Edited("value: beta-two", "value: beta-2"));

        var difference = Assert.Single(result.Differences);
        Assert.Equal(new TranscriptDifference(DifferenceKind.Field, 3, "count", "field model", "beta-two", "beta-2"), difference);
    }

    [Fact]
    public async Task Changed_button_title_is_reported_as_a_buttons_difference()
    {
        var recorded = await RecordDeviceCheckAsync();

        var result = await VerifyAgainstAsync(recorded, Edited("label: Gamma Max", "label: Gamma Maximum"));

        var difference = Assert.Single(result.Differences);
        Assert.Equal(DifferenceKind.Reply, difference.Kind);
        Assert.Equal((2, "model", "reply 1 buttons"), (difference.Turn!.Value, difference.Step, difference.Subject));
        Assert.Equal("Alpha One | Beta Two | Gamma Max", difference.Expected);
        Assert.Equal("Alpha One | Beta Two | Gamma Maximum", difference.Actual);
    }

    [Fact]
    public async Task Changed_outcome_line_names_the_first_line_that_differs()
    {
        var recorded = await RecordDeviceCheckAsync();

        var result = await VerifyAgainstAsync(recorded, Edited("actions: [\"Ship {{count}} x {{model}}.\"]", "actions: [\"Send {{count}} x {{model}}.\"]"));

        var difference = Assert.Single(result.Differences);
        Assert.Equal((6, "reply 1, line 4", "1. Ship 2 x Beta Two.", "1. Send 2 x Beta Two."), (difference.Turn!.Value, difference.Subject, difference.Expected, difference.Actual));
    }

    [Fact]
    public async Task Escalation_number_in_a_reply_may_differ_between_recording_and_replay()
    {
        var factory = VerificationBots.Triage(VerificationBots.Catalog(TestPlaybooks.DeviceCheck));
        var recorded = await VerificationBots.RecordAsync(factory, "device check", "requested", "Beta Two", "2", "yes", "escalation 1");

        // The recording's escalation store had handed out other numbers before this conversation.
        var fromBusierStore = VerificationBots.WithReplyText(recorded, "**Escalation #1:", "**Escalation #41:");
        var result = await new TranscriptVerifier(factory).VerifyAsync(fromBusierStore, "recorded.transcript", CancellationToken.None);

        Assert.NotSame(recorded, fromBusierStore);
        Assert.Empty(result.Differences);
    }

    [Fact]
    public async Task Replay_tells_time_by_each_recorded_timestamp()
    {
        ReplayBotFactory yesterday = clock => VerificationBots.Over(new VerificationBots.YesterdayBot(clock), clock);
        var recorded = await VerificationBots.RecordAsync(yesterday, "when was yesterday?");
        Assert.Equal("Yesterday was 2026-03-09.", recorded.Entries[1].Activity.Text);

        // The same message, had it been recorded a day later, means another "yesterday".
        var dayLater = recorded with { Entries = [recorded.Entries[0] with { Timestamp = recorded.Entries[0].Timestamp.AddDays(1) }, recorded.Entries[1]] };

        Assert.Empty((await new TranscriptVerifier(yesterday).VerifyAsync(recorded, "recorded.transcript", CancellationToken.None)).Differences);
        var difference = Assert.Single((await new TranscriptVerifier(yesterday).VerifyAsync(dayLater, "recorded.transcript", CancellationToken.None)).Differences);
        Assert.Equal(("Yesterday was 2026-03-09.", "Yesterday was 2026-03-10."), (difference.Expected, difference.Actual));
    }

    [Fact]
    public async Task Each_verification_replays_into_a_fresh_bot()
    {
        var recorded = await RecordDeviceCheckAsync();
        var verifier = new TranscriptVerifier(VerificationBots.Triage(VerificationBots.Catalog(TestPlaybooks.DeviceCheck)));

        // Replaying into the same bot twice would meet its own state (and its de-duplicated message ids).
        var first = await verifier.VerifyAsync(recorded, "recorded.transcript", CancellationToken.None);
        var second = await verifier.VerifyAsync(recorded, "recorded.transcript", CancellationToken.None);

        Assert.Empty(first.Differences);
        Assert.Empty(second.Differences);
    }

    [Fact]
    public async Task Opening_notice_without_a_message_before_it_is_not_replayed()
    {
        var recorded = await RecordDeviceCheckAsync();
        var notice = recorded.Entries[1] with { Direction = TranscriptDirection.Outbound };
        var withNotice = recorded with { Entries = [notice, .. recorded.Entries] };

        var result = await VerifyAgainstAsync(withNotice, TestPlaybooks.DeviceCheck);

        Assert.Equal((7, 6), (result.Turns, result.Replayed));
        Assert.Empty(result.Differences);
    }

    [Fact]
    public async Task Transcript_without_snapshots_is_compared_on_its_replies_only()
    {
        var recorded = await RecordDeviceCheckAsync();
        var fromAnotherTool = recorded with { Entries = recorded.Entries.Select(e => e with { Snapshot = null }).ToList() };

        var result = await VerifyAgainstAsync(fromAnotherTool, Edited("when: { field: injured, equals: true }", "when: { field: injured, equals: false }"));

        Assert.NotEmpty(result.Differences);
        Assert.All(result.Differences, d => Assert.Equal(DifferenceKind.Reply, d.Kind));
    }

    [Fact]
    public async Task Turn_naming_no_conversation_cannot_be_replayed()
    {
        var recorded = await RecordDeviceCheckAsync();
        var inbound = ActivityCopy(recorded.Entries[0]);
        inbound.Conversation = null;
        var broken = recorded with { Entries = [recorded.Entries[0] with { Activity = inbound }, .. recorded.Entries.Skip(1)] };

        var error = await Assert.ThrowsAsync<TranscriptFileException>(() => VerifyAgainstAsync(broken, TestPlaybooks.DeviceCheck));

        Assert.Equal("recorded.transcript: turn 1 names no conversation (conversation.id), so it cannot be replayed.", error.Message);
    }

    private static Activities.Activity ActivityCopy(TranscriptEntry entry) =>
        Activities.ActivityJson.Deserialize(Activities.ActivityJson.Serialize(entry.Activity));
}
