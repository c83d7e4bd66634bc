using SupportBot.Activities;
using SupportBot.Turns;

namespace SupportBot.Drills;

/// <summary>Sends drill messages, with the buttons that fit the moment.</summary>
internal static class DrillReplies
{
    public static Task SendAsync(ITurnContext turn, string text, CancellationToken cancellationToken, params string[] buttons)
    {
        var reply = turn.Activity.CreateReply(text);
        if (buttons.Length > 0)
        {
            reply.InputHint = "expectingInput";
            reply.SuggestedActions = new SuggestedActions
            {
                Actions = buttons.Select(b => new CardAction { Title = b, Value = b }).ToList(),
            };
        }

        return turn.SendActivityAsync(reply, cancellationToken);
    }

    public static string Percent(double share) => Math.Round(share * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
