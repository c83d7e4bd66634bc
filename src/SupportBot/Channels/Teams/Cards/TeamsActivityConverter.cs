using System.Text.Json;
using SupportBot.Activities;
using SupportBot.Playbooks;

namespace SupportBot.Host.Channels.Teams.Cards;

/// <summary>
/// Adapts SupportBot's channel-neutral replies to Teams before they are sent: suggested actions (which
/// Teams shows only in personal chats) become a prompt card, and the structured playbook outcome becomes
/// an outcome card. Everything else goes out unchanged.
/// </summary>
public static class TeamsActivityConverter
{
    public const string ChannelId = "msteams";

    /// <summary>
    /// Returns a converted copy of <paramref name="reply"/> when it has suggested actions or an outcome
    /// attachment, and <paramref name="reply"/> itself otherwise; the original is never modified.
    /// </summary>
    public static Activity ForTeams(Activity reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var hasOutcome = reply.Attachments?.Any(IsOutcome) == true;
        var hasChoices = reply.SuggestedActions?.Actions is { Count: > 0 };
        if (!hasOutcome && !hasChoices)
        {
            return reply;
        }

        var copy = Copy(reply);
        if (hasOutcome)
        {
            var converted = new List<Attachment>();
            foreach (var attachment in copy.Attachments!)
            {
                if (IsOutcome(attachment) && ReadOutcome(attachment) is { } view)
                {
                    converted.Add(AdaptiveCards.ToAttachment(AdaptiveCards.ForOutcome(view)));
                }
                else
                {
                    converted.Add(attachment);
                }
            }

            // The card says everything the markdown text said; showing both would repeat it.
            if (converted.Any(a => a.ContentType == AdaptiveCards.ContentType))
            {
                copy.Attachments = converted;
                copy.Text = null;
                copy.TextFormat = null;
            }
        }

        if (hasChoices)
        {
            // The text moves into the card, above its buttons.
            var prompt = AdaptiveCards.ForPrompt(copy);
            copy.Attachments = [.. copy.Attachments ?? [], AdaptiveCards.ToAttachment(prompt)];
            copy.SuggestedActions = null;
            copy.Text = null;
            copy.TextFormat = null;
        }

        return copy;
    }

    private static bool IsOutcome(Attachment attachment) =>
        string.Equals(attachment.ContentType, OutcomeRenderer.ContentType, StringComparison.OrdinalIgnoreCase) && attachment.Content is not null;

    private static OutcomeView? ReadOutcome(Attachment attachment)
    {
        try
        {
            return attachment.Content.Deserialize<OutcomeView>(ActivityJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A deep copy through the activity's own JSON form, so nothing (extension data included) is shared.</summary>
    private static Activity Copy(Activity activity) => ActivityJson.Deserialize(ActivityJson.Serialize(activity));
}
