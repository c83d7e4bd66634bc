using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.Host.Cli.Transcripts;
using SupportBot.Transcripts;
using static SupportBot.Tests.Cli.AgentInput;

namespace SupportBot.Tests.Cli;

/// <summary>
/// The scripted conversations behind <c>tests/transcripts/*.transcript</c>. After a deliberate change of
/// what the bot says, regenerate them with
/// <c>SUPPORTBOT_RECORD_TRANSCRIPTS=1 dotnet test tests/SupportBot.Tests --filter "FullyQualifiedName~TranscriptsVerifyRecordings"</c>
/// and review the diff before committing it.
/// </summary>
public class TranscriptsVerifyRecordings
{
    // A Tuesday afternoon in business hours (UTC), so escalations take their business-hours route.
    private static readonly DateTimeOffset Afternoon = new(2026, 3, 10, 14, 5, 0, TimeSpan.Zero);

    internal static IReadOnlyList<TranscriptScript> Scripts { get; } =
    [
        new("battery-belt-damage-confirmed", ScriptChannel.WebChat("webchat-demo-belt"), Afternoon,
            [
                Say("cust says the battery belt melted"),
                Attach(("belt-front.jpg", "image/jpeg"), ("receipt.pdf", "application/pdf")),
                Click("No"),
                Click("Reveal SK"),
                Say("account holder"),
                Say("bought at a sporting goods store yesterday, receipt is in the photos"),
                Click("Equipment Physical Damage"),
            ],
            c => Expect(c, "battery-belt-damage", "default", escalated: false, chosen: "Tech Support > Equipment Physical Damage")),

        new("missing-camera", ScriptChannel.Teams("a:demo-teams-missing-camera"), Afternoon.AddHours(1),
            [
                Say("cx got 1 of the 2 cams from the website order, other one not in pkg"),
                Say("100-2000-3000"),
                Say("2"),
                Say("1"),
                Say("one Reveal X-Pro; the batteries and mount arrived"),
                Say("yes"),
                Click("Account holder"),
                Click("Send the missing camera"),
                Click("Missing Equipment"),
            ],
            c => Expect(c, "missing-camera", "default", escalated: true, chosen: "Customer Service > Missing Equipment")),

        new("tier2-escalation", ScriptChannel.Slack("CDEMOTIER2:1773151500.000100"), Afternoon.AddHours(2),
            [
                Say("need to escalate this nvr case to tier 2, what do i need"),
                Click("New case beyond Tier 1"),
                Say("Recorder drops all cameras every night around 2am since last week; rebooted, swapped the switch, updated firmware, no change."),
                Say("no"),
                Say("yes"),
                Say("NVR-5216"),
                Say("fw 4.2.1"),
                Say("sn 7F0A9C22B1"),
                Click("RMA"),
                Say("factory reset and a different power supply, still drops cameras"),
                Say("skip"),
            ],
            c => Expect(c, "tier2-escalation", "default", escalated: true, chosen: null)),

        new("knowledge-question-mid-dialog", ScriptChannel.WebChat("webchat-demo-question"), Afternoon.AddHours(3),
            [
                Say("customer opened box and there's only 1 reveal not 2"),
                Say("100-2000-3001"),
                Say("2"),
                Say("1"),
                Say("a Reveal Ultra"),
                Say("no"),
                Say("the unit number is missing: it should be 12B, 4 Example Lane"),
                Say("family"),
                Say("where does cx see available credit in the app?"),
                Click("Account credit"),
                Click("Missing Equipment"),
            ],
            c => Expect(c, "missing-camera", "account-credit", escalated: true, chosen: "Customer Service > Missing Equipment")),

        new("help-back-start-over-cancel", ScriptChannel.Teams("a:demo-teams-commands"), Afternoon.AddHours(4),
            [
                Say("cx says a camera is missing from their order"),
                Say("help"),
                Say("100-2000-3002"),
                Say("3"),
                Say("back"),
                Say("4"),
                Say("start over"),
                Say("4"),
                Say("cancel"),
            ],
            c =>
            {
                Assert.Equal("missing-camera", c.PlaybookId);
                Assert.Equal(CaseStatus.Cancelled, c.Status);
            }),

        new("typo-description", ScriptChannel.WebChat("webchat-demo-typos"), Afternoon.AddDays(1),
            [
                Say("cx sez there batery blet got meltd"),
                Click("Melted or damaged battery belt"),
                Say("asked cx to email pics and receipt"),
                Say("nope"),
                Say("revel xb"),
                Say("acount holder"),
                Say("no idea yet, cx will check"),
                Say("equipment physical damge"),
            ],
            c => Expect(c, "battery-belt-damage", "default", escalated: false, chosen: "Tech Support > Equipment Physical Damage")),
    ];

    private static void Expect(TranscriptCase recorded, string playbook, string outcome, bool escalated, string? chosen)
    {
        Assert.Equal(playbook, recorded.PlaybookId);
        Assert.Equal(CaseStatus.Completed, recorded.Status);
        Assert.Equal(outcome, recorded.OutcomeId);
        Assert.Equal(escalated, recorded.Escalated);
        Assert.Equal(chosen, recorded.Disposition?.Chosen);
    }

    [TranscriptsVerifyRecordFact]
    public async Task Recordings_are_regenerated_from_their_scripts()
    {
        Directory.CreateDirectory(TranscriptsVerifyRecorder.Folder);
        var configuration = TranscriptsVerifyRecorder.RepositoryConfiguration();
        var content = ReplayContent.Load(configuration, NullLoggerFactory.Instance);
        foreach (var script in Scripts)
        {
            var transcript = await TranscriptsVerifyRecorder.RecordAsync(script, configuration, content);
            await TranscriptsVerifyRecorder.WriteAsync(script, transcript);
        }
    }
}
