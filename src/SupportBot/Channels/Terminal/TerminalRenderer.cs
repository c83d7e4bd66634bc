using System.Text;
using SupportBot.Activities;

namespace SupportBot.Host.Channels.Terminal;

/// <summary>Plain-text rendering of a reply: markdown emphasis dropped, buttons listed as numbered options.</summary>
internal static class TerminalRenderer
{
    public static string Render(Activity activity)
    {
        var text = new StringBuilder();
        text.Append("bot> ").Append((activity.Text ?? "").Replace("**", "", StringComparison.Ordinal).Replace("\n", "\n     ", StringComparison.Ordinal));
        var actions = activity.SuggestedActions?.Actions ?? [];
        for (var i = 0; i < actions.Count; i++)
        {
            text.Append("\n     [").Append(i + 1).Append("] ").Append(actions[i].Title);
        }

        return text.ToString();
    }
}
