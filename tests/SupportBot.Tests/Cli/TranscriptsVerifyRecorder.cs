using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.Activities;
using SupportBot.Host.Cli.Transcripts;
using SupportBot.Storage;
using SupportBot.Transcripts;
using SupportBot.Transcripts.Files;
using SupportBot.Transcripts.Verification;

namespace SupportBot.Tests.Cli;

/// <summary>
/// Records scripted conversations through the bot the host runs (<see cref="ReplayServices"/>: the host's
/// services on in-memory stores), on a clock that moves on a little before each message, and writes the
/// case as a <c>.transcript</c> file.
/// </summary>
internal static class TranscriptsVerifyRecorder
{
    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(37);

    /// <summary>The repository's playbooks and seeds, by absolute path, whatever the working directory.</summary>
    public static IConfiguration RepositoryConfiguration(string? dialogs = null) => ReplayServices.Configuration(
        ["--Knowledge:Path", RepositoryPaths.Knowledge, "--Knowledge:DispositionsPath", RepositoryPaths.Dispositions],
        dialogs ?? RepositoryPaths.Dialogs);

    /// <summary>Runs the script and returns the recorded case's <c>.transcript</c> text; throws when the case is not what the script expects.</summary>
    public static async Task<string> RecordAsync(TranscriptScript script, IConfiguration configuration, ReplayContent content)
    {
        var clock = new ReplayClock(script.Start);
        await using var bot = ReplayServices.BotFactory(configuration, NullLoggerFactory.Instance, content)(clock);
        var channel = script.Channel;
        for (var i = 0; i < script.Inputs.Count; i++)
        {
            clock.Set(script.Start + (Pause * i));
            var input = script.Inputs[i];
            var result = await bot.RunTurnAsync(new Activity
            {
                Type = ActivityTypes.Message,
                Id = $"{script.Name}-{i + 1:00}",
                Timestamp = clock.GetUtcNow(),
                ChannelId = channel.ChannelId,
                ServiceUrl = channel.ServiceUrl,
                From = new ChannelAccount { Id = channel.AgentId, Name = channel.AgentName },
                Recipient = new ChannelAccount { Id = channel.BotId, Name = "SupportBot" },
                Conversation = new ConversationAccount { Id = channel.ConversationId, ConversationType = "personal" },
                Text = input.Text,
                Value = input.Clicked is null ? null : new JsonObject { ["text"] = input.Clicked },
                Attachments = input.Files?.ToList(),
            }, CancellationToken.None);
            Assert.False(result.Failed, $"{script.Name}: turn {i + 1} failed.");
        }

        var entries = await bot.Transcripts.GetAsync($"{channel.ChannelId}/{channel.ConversationId}", CancellationToken.None);
        var caseId = Assert.Single(entries.Select(e => e.CaseId).Distinct());
        Assert.NotEqual(0, caseId);
        var recorded = (await bot.Transcripts.GetCaseAsync(caseId, CancellationToken.None))!;
        script.Expect(recorded);
        return BotFrameworkTranscript.Write(recorded, WithStableReplyIds(entries));
    }

    /// <summary>
    /// Reply ids are random; naming them after the message they answer keeps a regenerated file's diff
    /// down to what the bot says. (Verification never compares ids.)
    /// </summary>
    private static List<TranscriptEntry> WithStableReplyIds(IReadOnlyList<TranscriptEntry> entries)
    {
        var stable = new List<TranscriptEntry>(entries.Count);
        string? inboundId = null;
        var reply = 0;
        foreach (var entry in entries)
        {
            if (entry.Direction == TranscriptDirection.Inbound)
            {
                (inboundId, reply) = (entry.Activity.Id, 0);
                stable.Add(entry);
                continue;
            }

            var copy = ActivityJson.Deserialize(ActivityJson.Serialize(entry.Activity));
            copy.Id = $"{inboundId}-reply-{++reply}";
            stable.Add(entry with { Activity = copy });
        }

        return stable;
    }

    /// <summary>Where the committed recordings live.</summary>
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "transcripts");

    public static string PathOf(TranscriptScript script) => Path.Combine(Folder, script.Name + BotFrameworkTranscript.Extension);

    public static Task WriteAsync(TranscriptScript script, string transcript) =>
        File.WriteAllTextAsync(PathOf(script), transcript + "\n", BotFrameworkTranscript.FileEncoding);
}
