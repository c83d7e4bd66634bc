using System.ComponentModel.DataAnnotations;

namespace SupportBot.Drills;

/// <summary>Settings of the <c>Drills</c> section: how long a quiz is and which knowledge entries make quiz questions.</summary>
public sealed class DrillOptions
{
    public const string SectionName = "Drills";

    [Range(1, 20, ErrorMessage = "Drills:QuestionsPerQuiz must be between 1 and 20.")]
    public int QuestionsPerQuiz { get; set; } = 5;

    /// <summary>Knowledge entries with longer answers are not asked: a long procedure is not a quiz question.</summary>
    [Range(5, 200, ErrorMessage = "Drills:MaxAnswerWords must be between 5 and 200.")]
    public int MaxAnswerWords { get; set; } = QuizBank.DefaultMaxAnswerWords;
}
