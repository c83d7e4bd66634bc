using SupportBot.Recognition.Entities;

namespace SupportBot.Tests.Recognition.Entities;

public class OrderNumberRecognitionTests
{
    [Theory]
    [InlineData("cx order 100-2000-3000, email sam@example.com, 555-0100", "100-2000-3000")]
    [InlineData("order 12345678", "12345678")]
    [InlineData("Order #123456 never arrived", "123456")]
    [InlineData("ord# A12345 shipped to the wrong address", "A12345")]
    [InlineData("order number is 87654321", "87654321")]
    [InlineData("order no. 4455667788", "4455667788")]
    [InlineData("PO: 99887766", "99887766")]
    [InlineData("ord#a12345", "A12345")]
    public void OrderNumber_IsFoundAfterAnOrderCue(string text, string expected) =>
        Assert.Equal([expected], Recognize.Values(EntityKind.OrderNumber, text));

    [Theory]
    [InlineData("it's 100-2000-3000 on the invoice", "100-2000-3000")]
    [InlineData("#123456 is the one that was charged twice", "123456")]
    public void OrderNumber_IsFoundWithoutCueWhenItsShapeSaysSo(string text, string expected) =>
        Assert.Equal([expected], Recognize.Values(EntityKind.OrderNumber, text));

    [Fact]
    public void OrderNumber_CueWinsOverPhoneShape() =>
        Assert.Equal(EntityKind.OrderNumber, Assert.Single(Recognize.All("order 5551234567")).Kind);

    [Fact]
    public void OrderNumber_TextIsTheNumberWithoutTheCue()
    {
        var order = Recognize.One(EntityKind.OrderNumber, "cx order 100-2000-3000");
        Assert.Equal((9, 13, "100-2000-3000"), (order.Start, order.Length, order.Text));
    }

    [Theory]
    [InlineData("call back at 555-0100")]
    [InlineData("(555) 010-0000")]
    [InlineData("555-010-0000")]
    [InlineData("refund of $4,999.99")]
    [InlineData("wan ip 203.0.113.7")]
    [InlineData("bought it 2026-04-20")]
    [InlineData("sn 7J04A2BPAZ12345")]
    [InlineData("cx wants to order 2 more cams")]
    [InlineData("order of 3 cameras")]
    [InlineData("po box 1234")]
    [InlineData("order 2026-04-20 was late")]
    public void OrderNumber_IsNotFoundInOtherValues(string text) =>
        Assert.Empty(Recognize.Of(EntityKind.OrderNumber, text));

    [Fact]
    public void OrderNumber_BareHashIsAnOrderWhenTheBotAskedForOne() =>
        Assert.Equal(["4321"], Recognize.Values(EntityKind.OrderNumber, "#4321", Recognize.Context with { Expecting = EntityKind.OrderNumber }));
}
