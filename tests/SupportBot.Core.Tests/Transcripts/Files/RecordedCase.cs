using SupportBot.Knowledge;
using SupportBot.Playbooks;
using SupportBot.Storage;
using SupportBot.Tests.Testing;
using SupportBot.Transcripts;

namespace SupportBot.Tests.Transcripts.Files;

/// <summary>A case recorded by the real pipeline: the device-check playbook run to its outcome, the suggested disposition taken.</summary>
internal sealed record RecordedCase(BotHarness Harness, TranscriptCase Case, IReadOnlyList<TranscriptEntry> Entries)
{
    private static readonly DispositionCatalog Dispositions = new(
    [
        new Disposition("Tech Support", "Device Check", "The agent checked a device with the customer."),
    ]);

    public static async Task<RecordedCase> DeviceCheckAsync()
    {
        var harness = new BotHarness(new PlaybookCatalog([TestPlaybooks.Parse(TestPlaybooks.DeviceCheck)]), dispositions: Dispositions);
        var flow = harness.Flow("device-check-1");
        foreach (var text in new[] { "device check", "requested", "Beta Two", "2", "no", "unit rattles | loose screw", "Device Check" })
        {
            await flow.SendAsync(text);
            harness.Time.Advance(TimeSpan.FromSeconds(20));
        }

        var recorded = Assert.Single(await harness.Transcripts.FindCasesAsync(new TranscriptQuery(), default));
        return new RecordedCase(harness, recorded, await harness.Transcripts.GetCaseEntriesAsync(recorded.Id, default));
    }
}
