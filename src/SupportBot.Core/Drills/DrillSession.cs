using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.State;

namespace SupportBot.Drills;

/// <summary>One answered (or skipped) question of the quiz in progress.</summary>
public sealed record QuizAnswer(string EntryId, string Topic, QuizVerdict Verdict, double Credit);

/// <summary>The quiz in progress: its questions (knowledge entry ids), where it is, and the answers so far.</summary>
public sealed class QuizProgress
{
    public string? Topic { get; set; }

    public List<string> Questions { get; set; } = [];

    public int Index { get; set; }

    public List<QuizAnswer> Answers { get; set; } = [];
}

/// <summary>The role-play in progress: the script from the recorded case, and the steps the trainee has asked about.</summary>
public sealed class RolePlayProgress
{
    public required RolePlayScript Script { get; set; }

    public List<string> Covered { get; set; } = [];
}

/// <summary>
/// The drill running in a conversation, kept in the conversation state. While it exists, every message
/// of its trainee goes to the drill, not to playbook recognition.
/// </summary>
public sealed class DrillSession
{
    /// <summary>Where the session is kept in <see cref="ConversationData.Values"/>.</summary>
    public const string StateKey = "drill";

    public required string TraineeId { get; set; }

    public string? TraineeName { get; set; }

    public QuizProgress? Quiz { get; set; }

    public RolePlayProgress? RolePlay { get; set; }

    public static DrillSession? Load(ConversationData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Values[StateKey] is not JsonObject saved)
        {
            return null;
        }

        try
        {
            var session = saved.Deserialize<DrillSession>(ActivityJson.Options);
            return session is { Quiz: not null } or { RolePlay: not null } ? session : null;
        }
        catch (JsonException)
        {
            // A session saved by an incompatible version is dropped rather than breaking the conversation.
            data.Values.Remove(StateKey);
            return null;
        }
    }

    public void Save(ConversationData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.Values[StateKey] = JsonSerializer.SerializeToNode(this, ActivityJson.Options);
    }

    public static void End(ConversationData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.Values.Remove(StateKey);
    }
}
