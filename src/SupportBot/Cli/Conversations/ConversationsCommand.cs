using System.CommandLine;
using SupportBot.Host.Cli.HostLink;

namespace SupportBot.Host.Cli.Conversations;

/// <summary><c>supportbot conversations delete KEY</c>: a conversation's state, transcript and cases, gone for good.</summary>
internal static class ConversationsCommand
{
    public static Command Build()
    {
        var key = new Argument<string>("KEY") { Description = "The conversation key: channel/conversation id, e.g. webchat/3f2a or msteams/19:abc (see conversationKey in `transcripts list --json`)." };
        var delete = new Command("delete", "Delete a conversation's saved state, transcript and cases for good.") { key };
        var data = DataCommandOptions.AddTo(delete);
        delete.SetAction(parse => data.RunAsync(parse, mayCreate: false, async store =>
        {
            var io = CliIo.Of(parse);
            var conversationKey = parse.GetValue(key)?.Trim();
            if (string.IsNullOrEmpty(conversationKey))
            {
                throw new CliException("Name the conversation key, e.g. webchat/3f2a.");
            }

            await store.DeleteConversationAsync(conversationKey, CancellationToken.None);
            await io.Out.WriteLineAsync($"Deleted conversation '{conversationKey}': its state, transcript and cases.");
            return 0;
        }));

        var conversations = new Command("conversations", "Manage stored conversations.");
        conversations.Subcommands.Add(delete);
        return conversations;
    }
}
