using System.Globalization;
using SupportBot.Recognition;

namespace SupportBot.Drills;

public enum DrillRequestKind
{
    Quiz,
    RolePlay,
    MyScores,
    Scoreboard,
    Help,
}

/// <summary>A drill command typed in chat: <c>quiz [topic]</c>, <c>roleplay N</c>, <c>my scores</c>, <c>scoreboard</c>, <c>drills</c>.</summary>
/// <param name="BadCaseId">What followed <c>roleplay</c> when it was not a case number, to say so.</param>
public sealed record DrillRequest(DrillRequestKind Kind, string? Topic = null, long? CaseId = null, string? BadCaseId = null)
{
    private static readonly string[][] QuizLeads =
    [
        ["quiz", "me", "on"], ["quiz", "me", "about"], ["quiz", "on"], ["quiz", "about"], ["quiz", "me"], ["start", "quiz"], ["quiz"],
    ];

    /// <summary>The drill command the message is, or null. A command is the whole message, so "cx failed a quiz" is not one.</summary>
    public static DrillRequest? Recognize(string? text)
    {
        var tokens = TextNormalizer.Tokens(text);
        if (tokens.Length == 0)
        {
            return null;
        }

        var joined = string.Join(' ', tokens);
        switch (joined)
        {
            case "my scores" or "my score" or "my drill scores" or "my drills":
                return new DrillRequest(DrillRequestKind.MyScores);
            case "scoreboard" or "score board" or "drill scoreboard":
                return new DrillRequest(DrillRequestKind.Scoreboard);
            case "drills" or "drill" or "drill help" or "drills help":
                return new DrillRequest(DrillRequestKind.Help);
        }

        if (tokens[0] is "roleplay" || (tokens.Length >= 2 && tokens[0] == "role" && tokens[1] == "play"))
        {
            var rest = tokens.Skip(tokens[0] == "roleplay" ? 1 : 2).Where(t => t != "case").ToList();
            if (rest.Count == 0)
            {
                return new DrillRequest(DrillRequestKind.RolePlay);
            }

            return rest.Count == 1 && long.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? new DrillRequest(DrillRequestKind.RolePlay, CaseId: id)
                : new DrillRequest(DrillRequestKind.RolePlay, BadCaseId: string.Join(' ', rest));
        }

        foreach (var lead in QuizLeads)
        {
            if (tokens.Length >= lead.Length && tokens.Take(lead.Length).SequenceEqual(lead, StringComparer.Ordinal))
            {
                var topic = string.Join(' ', tokens.Skip(lead.Length));
                return new DrillRequest(DrillRequestKind.Quiz, topic.Length == 0 ? null : topic);
            }
        }

        return null;
    }
}
