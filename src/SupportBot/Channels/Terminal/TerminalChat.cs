using SupportBot.Activities;
using SupportBot.Turns;

namespace SupportBot.Host.Channels.Terminal;

/// <summary>
/// <c>supportbot chat</c>: the same pipeline and database as the web host, in a terminal. The
/// conversation id is stable per user, so closing and reopening the chat continues where it stopped.
/// </summary>
internal sealed class TerminalChat(TurnPipeline pipeline, TimeProvider time)
{
    public async Task<int> RunAsync(string conversationId, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var adapter = new TerminalAdapter(pipeline, output);
        var user = new ChannelAccount { Id = Environment.UserName, Name = Environment.UserName };
        var bot = new ChannelAccount { Id = "supportbot", Name = "SupportBot" };
        var conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal" };
        await output.WriteLineAsync($"SupportBot terminal chat (conversation '{conversationId}'). Type /attach NAME to attach a file, /quit to leave.");
        await adapter.ProcessActivityAsync(new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            ChannelId = TerminalAdapter.ChannelId,
            From = user,
            Recipient = bot,
            Conversation = conversation,
            MembersAdded = [bot],
            Timestamp = time.GetUtcNow(),
        }, cancellationToken);

        while (!cancellationToken.IsCancellationRequested)
        {
            await output.WriteAsync("you> ");
            await output.FlushAsync(cancellationToken);
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null || line.Trim() is "/quit" or "/exit")
            {
                break;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var activity = new Activity
            {
                Type = ActivityTypes.Message,
                Id = Guid.NewGuid().ToString("N"),
                ChannelId = TerminalAdapter.ChannelId,
                From = user,
                Recipient = bot,
                Conversation = conversation,
                Timestamp = time.GetUtcNow(),
                Text = line,
            };
            if (line.StartsWith("/attach ", StringComparison.Ordinal))
            {
                var name = line["/attach ".Length..].Trim();
                activity.Text = null;
                activity.Attachments = [new Attachment { Name = name, ContentType = "application/octet-stream" }];
            }

            await adapter.ProcessActivityAsync(activity, cancellationToken);
        }

        return 0;
    }
}
