using SupportBot.Drills;
using SupportBot.Knowledge;

namespace SupportBot.Tests.Drills;

public sealed class AnswerGraderTests
{
    private static readonly KnowledgeEntry LiveViewSetting = new(
        "live-view-setting",
        "what setting has to be on for live view?",
        "Instant settings check. Without it switched on, the camera can't go into live view in either app.",
        ["live-view", "settings", "instant-settings-check"],
        "000",
        "live-view");

    private static readonly KnowledgeEntry RedBar = new(
        "red-bar-first-check",
        "app shows red bar saying no data plan, what do I check first?",
        "Have the customer delete the app and install it again so the newest version is on their phone.",
        ["red-bar", "data-plan", "app", "reinstall"],
        "000",
        null);

    private static readonly KnowledgeEntry BatteryBelt = new(
        "battery-belt-first-step",
        "cust says battery belt melted, what's step one?",
        "Ask for photos of the damage and for proof of purchase before anything else.",
        ["battery-belt", "photos", "proof-of-purchase"],
        "000",
        null);

    private static readonly QuizBank Bank = new([LiveViewSetting, RedBar, BatteryBelt]);

    private static QuizGrade Grade(KnowledgeEntry entry, string answer) => AnswerGrader.Grade(Bank.Find(entry.Id)!, answer);

    [Fact]
    public void KeyTerms_are_the_answer_words_the_question_does_not_give_away()
    {
        var keys = Bank.Find(LiveViewSetting.Id)!.KeyTerms.Select(k => k.Word).ToList();

        Assert.Contains("instant", keys);
        Assert.Contains("check", keys);
        Assert.DoesNotContain("settings", keys);
        Assert.DoesNotContain("live", keys);
    }

    [Fact]
    public void Grade_is_correct_for_the_answer_itself()
    {
        var grade = Grade(LiveViewSetting, LiveViewSetting.Answer);

        Assert.Equal(QuizVerdict.Correct, grade.Verdict);
        Assert.Equal(1, grade.Score);
    }

    [Fact]
    public void Grade_is_correct_despite_typos()
    {
        Assert.Equal(QuizVerdict.Correct, Grade(LiveViewSetting, "instnat setings chek").Verdict);
    }

    [Fact]
    public void Grade_is_correct_when_the_words_come_in_another_order()
    {
        Assert.Equal(QuizVerdict.Correct, Grade(LiveViewSetting, "the check of instant settings").Verdict);
    }

    [Fact]
    public void Grade_accepts_synonyms_of_the_key_words()
    {
        Assert.Equal(QuizVerdict.Correct, Grade(RedBar, "uninstall it, then download the latest version").Verdict);
    }

    [Fact]
    public void Grade_accepts_agent_abbreviations_and_initials()
    {
        Assert.Equal(QuizVerdict.Correct, Grade(BatteryBelt, "get pics of the dmg + POP").Verdict);
        Assert.Equal(QuizVerdict.Correct, Grade(LiveViewSetting, "ISC").Verdict);
    }

    [Fact]
    public void Grade_gives_partial_credit_when_some_key_facts_are_there()
    {
        var grade = Grade(BatteryBelt, "ask for photos of it");

        Assert.Equal(QuizVerdict.Partly, grade.Verdict);
        Assert.Contains("photos", grade.Found);
        Assert.Contains("proof", grade.Missing);
        Assert.Equal(0.5, grade.Credit);
    }

    [Fact]
    public void Grade_is_wrong_when_no_key_fact_is_there()
    {
        var grade = Grade(RedBar, "restart the router and wait ten minutes");

        Assert.Equal(QuizVerdict.Wrong, grade.Verdict);
        Assert.Empty(grade.Found);
    }

    [Fact]
    public void Grade_is_wrong_for_an_empty_answer()
    {
        var grade = Grade(RedBar, "   ");

        Assert.Equal(QuizVerdict.Wrong, grade.Verdict);
        Assert.Equal(0, grade.Score);
    }

    [Fact]
    public void Grade_does_not_accept_a_near_number_for_a_number()
    {
        var bank = new QuizBank([new KnowledgeEntry("wait", "how long do I wait for the technician?", "3 minutes in the group chat.", ["tier2"], null, null)]);
        var question = bank.Questions.Single();

        Assert.NotEqual(QuizVerdict.Correct, AnswerGrader.Grade(question, "5 minutes in the group chat").Verdict);
        Assert.Equal(QuizVerdict.Correct, AnswerGrader.Grade(question, "three minutes, group chat").Verdict);
    }
}
