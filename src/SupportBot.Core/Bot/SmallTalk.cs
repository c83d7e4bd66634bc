using SupportBot.Recognition;

namespace SupportBot.Bot;

/// <summary>
/// Greetings, thanks, goodbyes and "is this thing on" messages: answered politely instead of being
/// read as a customer situation.
/// </summary>
public static class SmallTalk
{
    private static readonly (string Reply, string[] Phrases)[] Kinds =
    [
        ("Hi! Tell me what the customer reports and I'll find the right playbook, or ask me anything.",
            ["hi", "hello", "hey", "hiya", "yo", "good morning", "good afternoon", "good evening", "morning", "hi there", "hello there", "hey there"]),
        ("You're welcome. I'm here when the next one comes in.",
            ["thanks", "thank you", "thx", "ty", "cheers", "thanks a lot", "thank you so much", "much appreciated", "great thanks", "ok thanks", "ok thank you"]),
        ("Bye for now. The conversation stays saved if you come back to it.",
            ["bye", "goodbye", "good night", "night", "see you", "see ya", "later", "good night all", "night all", "bye all", "signing off"]),
        ("Doing fine and ready to help. What's the customer's situation?",
            ["how are you", "hows it going", "how is it going", "hows your day", "hows your day going", "how are things", "whats up", "sup"]),
        ("I'm here and working. Describe a customer situation to try me.",
            ["test", "testing", "test test", "ping", "are you there", "anyone there", "hello world"]),
    ];

    /// <summary>The reply to a small-talk message, or null when the message is about something else.</summary>
    public static string? Reply(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        foreach (var (reply, phrases) in Kinds)
        {
            if (phrases.Contains(normalized, StringComparer.Ordinal))
            {
                return reply;
            }
        }

        return null;
    }
}
