using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.State;

namespace SupportBot.Tests.State;

public class SensitiveDataRedactorTests
{
    private readonly SensitiveDataRedactor _redactor = new();

    [Theory]
    [InlineData("card 4111111111111111", "card [card ending 1111]")]
    [InlineData("card 4111 1111 1111 1111", "card [card ending 1111]")]
    [InlineData("card 4111-1111-1111-1111 exp 12/29", "card [card ending 1111] exp 12/29")]
    [InlineData("amex 378282246310005", "amex [card ending 0005]")]
    [InlineData("amex 3782 822463 10005", "amex [card ending 0005]")]
    [InlineData("mc 5555-5555-5555-4444.", "mc [card ending 4444].")]
    [InlineData("19 digits 6011000990139424009", "19 digits [card ending 4009]")]
    [InlineData("19 digits 6011 0009 9013 9424 009", "19 digits [card ending 4009]")]
    [InlineData("4111111111111111", "[card ending 1111]")]
    public void ValidCardNumbers_KeepOnlyTheLastFour(string input, string expected) =>
        Assert.Equal(expected, _redactor.Redact(input));

    [Theory]
    [InlineData("card 4111 1111-1111 1111", "card [card ending 1111]")]
    [InlineData("card 4111-1111 1111-1111 thanks", "card [card ending 1111] thanks")]
    public void CardNumbersWithMixedSeparators_AreRedacted(string input, string expected) =>
        Assert.Equal(expected, _redactor.Redact(input));

    [Theory]
    [InlineData("card 4111 1111 1111 1111 12 29", "card [card ending 1111] 12 29")]
    [InlineData("card 4111 1111 1111 1111 123", "card [card ending 1111] 123")]
    [InlineData("qty 2 4111111111111111", "qty 2 [card ending 1111]")]
    [InlineData("12 4111 1111 1111 1111", "12 [card ending 1111]")]
    public void CardNumbersNextToOtherDigitGroups_AreStillFound(string input, string expected) =>
        Assert.Equal(expected, _redactor.Redact(input));

    [Theory]
    [InlineData("order 4111111111111112")]
    [InlineData("order 4111 1111 1111 1112")]
    [InlineData("order 100-2000-3000")]
    [InlineData("order 1234567890123")]
    [InlineData("call 555 0100")]
    [InlineData("call +1 555 123 4567 or 555-123-4567")]
    [InlineData("bought 2026-11-02, seen 02/11/2026 at 10:30")]
    [InlineData("camera at 192.168.100.200, gateway 10.0.0.1")]
    [InlineData("firmware 4.11.1111.1111")]
    public void NumbersThatAreNotCards_AreKept(string input) =>
        Assert.Equal(input, _redactor.Redact(input));

    [Theory]
    [InlineData("tracking 94111111111111111111111")]
    [InlineData("ref 041111111111111111")]
    [InlineData("ref 4111111111111111222")]
    public void CardLikeDigitsInsideALongerUnbrokenRun_AreKept(string input) =>
        Assert.Equal(input, _redactor.Redact(input));

    [Theory]
    [InlineData("ssn 123-45-6789", "ssn [SSN redacted]")]
    [InlineData("their SSN is 123 45 6789.", "their SSN is [SSN redacted].")]
    [InlineData("ssn 123456789", "ssn [SSN redacted]")]
    [InlineData("SSN: 123456789", "SSN: [SSN redacted]")]
    [InlineData("social security number is 123456789", "social security number is [SSN redacted]")]
    [InlineData("123-45-6789", "[SSN redacted]")]
    public void SocialSecurityNumbers_AreRedacted(string input, string expected) =>
        Assert.Equal(expected, _redactor.Redact(input));

    [Theory]
    [InlineData("call 555-123-4567")]
    [InlineData("id 000-12-3456")]
    [InlineData("id 666-12-3456")]
    [InlineData("id 912-34-5678")]
    [InlineData("id 123-00-4567")]
    [InlineData("id 123-45-0000")]
    [InlineData("id 123-45 6789")]
    [InlineData("account 123456789")]
    [InlineData("order 1-123-45-6789")]
    public void NumbersThatAreNotSocialSecurityNumbers_AreKept(string input) =>
        Assert.Equal(input, _redactor.Redact(input));

    [Theory]
    [InlineData("password: hunter2", "password: [redacted]")]
    [InlineData("Passcode is 0000", "Passcode is [redacted]")]
    [InlineData("api key = abc123", "api key = [redacted]")]
    [InlineData("their token is xyz", "their token is [redacted]")]
    [InlineData("pin is 1234", "pin is [redacted]")]
    [InlineData("PIN: 908172", "PIN: [redacted]")]
    [InlineData("pin code 4321 for the app", "pin code [redacted] for the app")]
    public void Secrets_AreRedacted(string input, string expected) =>
        Assert.Equal(expected, _redactor.Redact(input));

    [Theory]
    [InlineData("the charging pin is bent")]
    [InlineData("pin 2 is loose")]
    [InlineData("the password reset email never came")]
    public void WordsThatOnlyMentionASecret_AreKept(string input) =>
        Assert.Equal(input, _redactor.Redact(input));

    [Theory]
    [InlineData("header Bearer abcdefghijklmnop1234567890", "header [token redacted]")]
    [InlineData("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJlLXZhbHVl done", "jwt [token redacted] done")]
    [InlineData("slack xoxb-0000000000-fictional-token-value", "slack [token redacted]")]
    [InlineData("slack app xapp-1-A000FICTION-0000-abcdef", "slack app [token redacted]")]
    [InlineData("stripe sk_live_FICTIONAL0000key", "stripe [token redacted]")]
    public void Tokens_AreRedacted(string input, string expected) =>
        Assert.Equal(expected, _redactor.Redact(input));

    [Fact]
    public void RedactingTwice_ChangesNothingMore()
    {
        var once = _redactor.Redact("card 4111 1111 1111 1111, ssn 123-45-6789, password: hunter2, pin is 1234, Bearer abcdefghijklmnop1234567890");

        Assert.Equal(once, _redactor.Redact(once));
    }

    [Fact]
    public void CardNumbersInsideACardSubmitValue_AreRedacted()
    {
        var activity = new Activity
        {
            Value = JsonNode.Parse("""{"note":"card 4111111111111111","n":[ "5555555555554444" ]}"""),
        };
        var redacted = _redactor.Redact(activity);
        Assert.Equal("""{"note":"card [card ending 1111]","n":["[card ending 4444]"]}""", redacted.Value!.ToJsonString());
        Assert.Contains("4111111111111111", activity.Value!.ToJsonString());
    }

    [Fact]
    public void AValueHoldingAnArrayOfObjects_IsRedactedWithoutError()
    {
        var activity = new Activity { Value = JsonNode.Parse("""{"items":[{"note":"card 4111111111111111"},{"note":"fine"}]}""") };

        Assert.Equal("""{"items":[{"note":"card [card ending 1111]"},{"note":"fine"}]}""", _redactor.Redact(activity).Value!.ToJsonString());
    }

    [Fact]
    public void AnActivityWithNothingSensitive_IsReturnedAsIs()
    {
        var activity = new Activity { Id = "4111111111111111", Text = "battery belt melted", Value = JsonNode.Parse("""{"text":"yes"}""") };

        Assert.Same(activity, _redactor.Redact(activity));
    }

    [Fact]
    public void AttachmentsButtonsAndEntities_AreRedactedButIdsAndChannelDataAreNot()
    {
        var activity = new Activity
        {
            Id = "4111111111111111",
            ReplyToId = "5555555555554444",
            Conversation = new ConversationAccount { Id = "4111111111111111" },
            ChannelData = JsonNode.Parse("""{"ts":"4111111111111111"}"""),
            Text = "Ticket note",
            Attachments = [new Attachment { ContentType = "application/vnd.supportbot.outcome+json", Content = JsonNode.Parse("""{"note":{"resolution":["Purchase details: card 4111 1111 1111 1111."]}}"""), Name = "ssn 123-45-6789.txt" }],
            SuggestedActions = new SuggestedActions { Actions = [new CardAction { Title = "Use 4111111111111111", Value = "pin is 1234" }] },
            Entities = [new JsonObject { ["type"] = "mention", ["text"] = "card 4111111111111111" }],
        };

        var json = ActivityJson.Serialize(_redactor.Redact(activity));

        Assert.DoesNotContain("4111 1111 1111 1111", json, StringComparison.Ordinal);
        Assert.DoesNotContain("123-45-6789", json, StringComparison.Ordinal);
        Assert.DoesNotContain("1234", json, StringComparison.Ordinal);
        var copy = ActivityJson.Deserialize(json);
        Assert.Equal("4111111111111111", copy.Id);
        Assert.Equal("5555555555554444", copy.ReplyToId);
        Assert.Equal("4111111111111111", copy.Conversation!.Id);
        Assert.Equal("4111111111111111", copy.ChannelData!["ts"]!.GetValue<string>());
        Assert.Equal("Use [card ending 1111]", copy.SuggestedActions!.Actions[0].Title);
        Assert.Equal("card [card ending 1111]", copy.Entities![0]["text"]!.GetValue<string>());
    }

    [Fact]
    public void ExtensionPropertiesOfAnActivity_AreRedacted()
    {
        var activity = ActivityJson.Deserialize("""{"type":"message","text":"hi","summary":"card 4111111111111111"}""");

        var json = ActivityJson.Serialize(_redactor.Redact(activity));

        Assert.Contains("\"summary\":\"card [card ending 1111]\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void RedactInPlace_ChangesTheContentOfTheSameActivity()
    {
        var value = JsonNode.Parse("""{"text":"ssn 123-45-6789"}""");
        var activity = new Activity { Id = "a1", Text = "card 4111111111111111", Value = value };

        Assert.True(_redactor.RedactInPlace(activity));

        Assert.Equal("card [card ending 1111]", activity.Text);
        Assert.Equal("ssn [SSN redacted]", activity.Value!["text"]!.GetValue<string>());
        Assert.Equal("a1", activity.Id);
        Assert.False(_redactor.RedactInPlace(new Activity { Text = "nothing to hide" }));
    }

    [Fact]
    public void CollectedFields_AreRedactedInACopy()
    {
        var fields = new JsonObject { ["purchase_details"] = "card 4111111111111111", ["count"] = 2, ["photos"] = new JsonObject { ["note"] = "ssn 123 45 6789" } };

        var redacted = _redactor.Redact(fields);

        Assert.Equal("""{"purchase_details":"card [card ending 1111]","count":2,"photos":{"note":"ssn [SSN redacted]"}}""", redacted.ToJsonString());
        Assert.Equal("card 4111111111111111", fields["purchase_details"]!.GetValue<string>());
        var clean = new JsonObject { ["model"] = "reveal-x-pro" };
        Assert.Same(clean, _redactor.Redact(clean));
    }

    [Fact]
    public void JsonEscapedContent_IsRedactedAfterDecoding()
    {
        var activity = new Activity { Value = JsonSerializer.SerializeToNode(new { note = "pin is 1234" }) };

        Assert.Equal("pin is [redacted]", _redactor.Redact(activity).Value!["note"]!.GetValue<string>());
    }
}
