using SupportBot.Drills;
using SupportBot.Knowledge;

namespace SupportBot.Tests.Drills;

public sealed class QuizPickerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly QuizBank Bank = new(Enumerable.Range(1, 8).SelectMany(i => new[]
    {
        new KnowledgeEntry($"notes-{i}", $"notes question {i}?", $"Notes answer word{i} record{i}.", ["notes"], null, null),
        new KnowledgeEntry($"tier2-{i}", $"tier two question {i}?", $"Tier answer field{i} serial{i}.", ["tier2"], null, null),
        new KnowledgeEntry($"tone-{i}", $"tone question {i}?", $"Tone answer calm{i} voice{i}.", ["tone"], null, null),
    }));

    [Fact]
    public void Pick_takes_distinct_questions_up_to_the_count()
    {
        var picked = new QuizPicker(new Random(1)).Pick(Bank.Questions, record: null, count: 5);

        Assert.Equal(5, picked.Select(q => q.EntryId).Distinct().Count());
    }

    [Fact]
    public void Pick_draws_half_the_quiz_from_weak_topics_starting_with_missed_questions()
    {
        var record = new TraineeRecord { TraineeId = "agent-1" };
        record.AddAnswer(Bank.Find("notes-3")!, QuizVerdict.Wrong, Now);
        record.AddAnswer(Bank.Find("tone-1")!, QuizVerdict.Correct, Now);

        var picked = new QuizPicker(new Random(1)).Pick(Bank.Questions, record, count: 6);

        Assert.True(picked.Count(q => q.Topic == "notes") >= 3);
        Assert.Contains(picked, q => q.EntryId == "notes-3");
    }

    [Fact]
    public void Pick_prefers_questions_not_asked_lately()
    {
        var record = new TraineeRecord { TraineeId = "agent-1" };
        foreach (var question in Bank.Questions.Where(q => q.Topic != "tone"))
        {
            record.AddAnswer(question, QuizVerdict.Correct, Now);
        }

        var picked = new QuizPicker(new Random(1)).Pick(Bank.Questions, record, count: 5);

        Assert.All(picked, q => Assert.Equal("tone", q.Topic));
    }
}
