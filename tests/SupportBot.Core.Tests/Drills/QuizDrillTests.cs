using SupportBot.Drills;

namespace SupportBot.Tests.Drills;

public sealed class QuizDrillTests
{
    private const string WrongAnswer = "restart the router and wait";

    private static async Task AnswerAllAsync(DrillHarness harness, Func<QuizQuestion, string> answer, int questions = 5)
    {
        for (var i = 0; i < questions; i++)
        {
            await harness.SendAsync(answer(harness.LastQuestion!));
        }
    }

    [Fact]
    public async Task Quiz_asks_a_question_from_the_knowledge_with_skip_and_stop_buttons()
    {
        var harness = new DrillHarness();

        var replies = await harness.SendAsync("quiz");

        Assert.Contains("**Quiz**: 5 questions", replies[0].Text);
        Assert.StartsWith("**Question 1 of 5**", replies[1].Text);
        Assert.NotNull(harness.LastQuestion);
        Assert.Equal(["skip", "stop"], replies[1].SuggestedActions!.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task Answer_is_graded_and_explained_with_its_knowledge_entry()
    {
        var harness = new DrillHarness();
        await harness.SendAsync("quiz");
        var question = harness.LastQuestion!;

        var said = await harness.SayAsync(question.Answer);

        Assert.Contains("**Correct.**", said);
        Assert.Contains("**Answer:** " + question.Answer, said);
        Assert.Contains($"knowledge entry `{question.EntryId}`", said);
        Assert.Contains("**Question 2 of 5**", said);
    }

    [Fact]
    public async Task Wrong_and_skipped_answers_show_the_right_answer()
    {
        var harness = new DrillHarness();
        await harness.SendAsync("quiz");
        var first = harness.LastQuestion!;

        Assert.Contains("**Not quite.**", await harness.SayAsync(WrongAnswer));
        var second = harness.LastQuestion!;
        var skipped = await harness.SayAsync("skip");

        Assert.NotEqual(first.EntryId, second.EntryId);
        Assert.Contains("**Skipped.**", skipped);
        Assert.Contains(second.Answer, skipped);
    }

    [Fact]
    public async Task Last_answer_ends_the_quiz_with_a_summary_and_stores_the_scores()
    {
        var harness = new DrillHarness();
        await harness.SendAsync("quiz");
        await harness.SendAsync(harness.LastQuestion!.Answer);
        await harness.SendAsync(harness.LastQuestion!.Answer);
        await harness.SendAsync(WrongAnswer);
        await harness.SendAsync("skip");
        var missedTopic = harness.LastQuestion!.Topic;

        var summary = await harness.SayAsync(WrongAnswer);

        Assert.Contains("**Quiz finished.** 2 of 5 correct (score 40%)", summary);
        Assert.Contains("Topics to practise:", summary);
        var record = await harness.Scores.GetAsync("agent-1", CancellationToken.None);
        Assert.Equal(5, record!.QuizAnswered);
        Assert.Equal(2, record.QuizCorrect);
        Assert.Equal(1, record.QuizzesFinished);
        Assert.True(record.Topics[missedTopic].Missed >= 1);
        Assert.Equal(3, record.Topics.Values.Sum(t => t.Missed));
    }

    [Fact]
    public async Task Next_quiz_favours_the_topics_missed_before()
    {
        var harness = new DrillHarness();
        await harness.SendAsync("quiz");
        var missed = new List<QuizQuestion>();
        await AnswerAllAsync(harness, q =>
        {
            missed.Add(q);
            return WrongAnswer;
        });
        var weakTopics = (await harness.Scores.GetAsync("agent-1", CancellationToken.None))!
            .WeakTopics(QuizPicker.WeakTopicsConsidered).Select(w => w.Topic).ToList();

        await harness.SendAsync("quiz");
        var second = new List<QuizQuestion>();
        await AnswerAllAsync(harness, q =>
        {
            second.Add(q);
            return q.Answer;
        });

        Assert.True(second.Count(q => weakTopics.Contains(q.Topic)) >= 3, "at least half the quiz comes from weak topics");
        Assert.True(second.Count(q => missed.Any(m => m.EntryId == q.EntryId)) >= 3, "missed questions are asked again first");
    }

    [Fact]
    public async Task Scores_survive_a_restart_on_the_same_storage()
    {
        var first = new DrillHarness();
        await first.SendAsync("quiz");
        await AnswerAllAsync(first, q => q.Answer);

        var restarted = new DrillHarness(storage: first.Storage);
        var scores = await restarted.SayAsync("my scores", conversation: "another-conversation");

        Assert.Contains("Quiz: 5 answered, 5 correct (accuracy 100%), 1 quiz finished.", scores);
    }

    [Fact]
    public async Task Quiz_on_a_topic_asks_only_that_topic()
    {
        var harness = new DrillHarness();

        var replies = await harness.SendAsync("quiz me on note");
        var asked = new List<QuizQuestion> { harness.LastQuestion! };
        for (var i = 1; i < 5; i++)
        {
            await harness.SendAsync("skip");
            asked.Add(harness.LastQuestion!);
        }

        Assert.Contains("on **note**", replies[0].Text);
        Assert.All(asked, q => Assert.Contains("notes", q.Tags));
    }

    [Fact]
    public async Task Quiz_on_an_unknown_topic_lists_the_topics()
    {
        var said = await new DrillHarness().SayAsync("quiz astronomy");

        Assert.Contains("I have no quiz questions on \"astronomy\"", said);
        Assert.Contains("notes", said);
    }

    [Fact]
    public async Task Messages_during_a_quiz_are_answers_not_playbook_descriptions()
    {
        var harness = new DrillHarness();
        await harness.SendAsync("quiz");

        var said = await harness.SayAsync("cust says battery belt melted");

        Assert.DoesNotContain("Melted or damaged battery belt", said);
        Assert.Contains("**Answer:**", said);
    }

    [Fact]
    public async Task Help_during_a_quiz_explains_it_and_asks_the_same_question_again()
    {
        var harness = new DrillHarness();
        await harness.SendAsync("quiz");
        var question = harness.LastQuestion!;

        var replies = await harness.SendAsync("help");

        Assert.StartsWith("**Quiz help**", replies[0].Text);
        Assert.Equal(question, harness.LastQuestion);
        Assert.StartsWith("**Question 1 of 5**", replies[1].Text);
    }

    [Fact]
    public async Task Stop_ends_the_quiz_keeping_the_answers_and_hands_the_chat_back_to_the_playbooks()
    {
        var harness = new DrillHarness();
        await harness.SendAsync("quiz");
        await harness.SendAsync(harness.LastQuestion!.Answer);

        var stopped = await harness.SayAsync("stop");
        var next = await harness.SayAsync("cust says battery belt melted");

        Assert.Contains("**Quiz stopped** after 1 of 5 questions. 1 of 1 correct", stopped);
        Assert.Contains("Melted or damaged battery belt", next);
        var record = await harness.Scores.GetAsync("agent-1", CancellationToken.None);
        Assert.Equal(1, record!.QuizAnswered);
        Assert.Equal(0, record.QuizzesFinished);
    }

    [Fact]
    public async Task End_quiz_also_stops_it()
    {
        var harness = new DrillHarness();
        await harness.SendAsync("quiz");

        Assert.Contains("Quiz stopped. Nothing was answered", await harness.SayAsync("end quiz"));
    }

    [Fact]
    public async Task Quiz_is_not_started_in_the_middle_of_a_playbook()
    {
        var harness = new DrillHarness();
        await harness.SendAsync("cust says battery belt melted");

        var said = await harness.SayAsync("quiz");

        Assert.Contains("You're in the middle of a playbook", said);
        Assert.Null(harness.LastQuestion);
    }

    [Fact]
    public async Task Quiz_length_comes_from_the_options()
    {
        var harness = new DrillHarness(questionsPerQuiz: 2);
        await harness.SendAsync("quiz");
        await harness.SendAsync("skip");

        Assert.Contains("**Quiz finished.**", await harness.SayAsync("skip"));
    }
}
