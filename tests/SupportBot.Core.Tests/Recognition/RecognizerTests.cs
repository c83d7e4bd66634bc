using SupportBot.Dialogs.Prompts;
using SupportBot.Recognition;

namespace SupportBot.Tests.Recognition;

public class RecognizerTests
{
    private static readonly List<Choice> Cameras =
    [
        new() { Value = "reveal-x-pro", Label = "Reveal X-Pro", Synonyms = ["xpro"] },
        new() { Value = "reveal-ultra", Label = "Reveal Ultra" },
        new() { Value = "defend-360", Label = "Defend 360" },
    ];

    [Theory]
    [InlineData("Reveal X-Pro", "reveal-x-pro")]
    [InlineData("its the xpro", "reveal-x-pro")]
    [InlineData("revael ultra", "reveal-ultra")]
    [InlineData("REVEAL ULTRA!!", "reveal-ultra")]
    [InlineData("cx has a defend 360", "defend-360")]
    [InlineData("#3", "defend-360")]
    public void Choice_IsFoundByLabelSynonymMisspellingOrNumber(string text, string expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, Cameras).Choice?.Value);

    [Fact]
    public void Choice_ThatCouldBeTwoOptions_IsAmbiguous()
    {
        var choices = new List<Choice> { new() { Value = "a", Label = "Reveal Ultra" }, new() { Value = "b", Label = "Reveal Ultra Pro" } };
        var match = ChoiceRecognizer.Recognize("reveal ultra pro or reveal ultra", choices);
        Assert.Equal("b", match.Choice?.Value);
        Assert.Null(ChoiceRecognizer.Recognize("something else", choices).Choice);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yeah", true)]
    [InlineData("yup, they did", true)]
    [InlineData("correct", true)]
    [InlineData("\U0001F44D", true)]
    [InlineData("no", false)]
    [InlineData("nope", false)]
    [InlineData("nah not really", false)]
    [InlineData("customer refuses", false)]
    public void Confirm_UnderstandsYesAndNo(string text, bool expected) =>
        Assert.Equal(expected, ConfirmRecognizer.Recognize(text));

    [Theory]
    [InlineData("not sure")]
    [InlineData("maybe")]
    [InlineData("the camera is blue")]
    public void Confirm_ReturnsNullWhenUnclear(string text) =>
        Assert.Null(ConfirmRecognizer.Recognize(text));

    [Theory]
    [InlineData("3", 3)]
    [InlineData("$1,250.50 refund", 1250.50)]
    [InlineData("twelve", 12)]
    [InlineData("about -4 degrees", -4)]
    public void Number_IsFoundInDigitsOrWords(string text, double expected) =>
        Assert.Equal((decimal)expected, NumberRecognizer.Recognize(text));

    [Theory]
    [InlineData("cust", "customer")]
    [InlineData("cx", "customer")]
    [InlineData("acct", "account")]
    [InlineData("pics", "photos")]
    public void Abbreviations_AreExpanded(string abbreviation, string expected) =>
        Assert.Equal(expected, Vocabulary.Expand(abbreviation).Single());
}
