namespace SupportBot.Knowledge;

/// <summary>One thing SupportBot knows, restated from the source documents into <c>seeds/knowledge.yaml</c>.</summary>
public sealed record KnowledgeEntry(
    string Id,
    string Question,
    string Answer,
    IReadOnlyList<string> Tags,
    string? Source,
    string? Playbook);

/// <summary>An answer with the entry it came from and how sure the match is (0 to 1).</summary>
public sealed record KnowledgeAnswer(KnowledgeEntry Entry, double Confidence, double Score);

/// <summary>Answers agents' questions from the knowledge seeds.</summary>
public interface IKnowledgeBase
{
    int Count { get; }

    /// <summary>The best entries for the question, best first; empty when nothing matches well enough.</summary>
    IReadOnlyList<KnowledgeAnswer> Search(string question, int top = 3);
}
