namespace SupportBot.Drills;

/// <summary>A word the answer must contain (as its stem) for full credit, and how much it counts.</summary>
/// <param name="Word">The word as the knowledge entry writes it, for showing what was missing.</param>
public sealed record KeyTerm(string Term, string Word, double Weight);

/// <summary>A quiz item made from a knowledge entry: its question, its answer, and the key terms grading looks for.</summary>
/// <param name="Topic">The entry's first tag: what weak-topic statistics are kept under.</param>
public sealed record QuizQuestion(
    string EntryId,
    string Topic,
    IReadOnlyList<string> Tags,
    string Question,
    string Answer,
    IReadOnlyList<KeyTerm> KeyTerms)
{
    /// <summary>The question as put to the trainee: a bare situation ("cx wants the same tech") gets asked as one.</summary>
    public string Prompt
    {
        get
        {
            var text = Question.Trim();
            text = char.ToUpperInvariant(text[0]) + text[1..];
            return text.EndsWith('?') ? text : text + " - what do you do?";
        }
    }
}
