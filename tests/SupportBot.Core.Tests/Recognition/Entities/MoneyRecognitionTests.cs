using SupportBot.Recognition.Entities;

namespace SupportBot.Tests.Recognition.Entities;

public class MoneyRecognitionTests
{
    [Theory]
    [InlineData("refund of $49.99 last tuesday", "49.99 USD")]
    [InlineData("49.99 usd", "49.99 USD")]
    [InlineData("charged €20 by mistake", "20.00 EUR")]
    [InlineData("20€", "20.00 EUR")]
    [InlineData("£7.50", "7.50 GBP")]
    [InlineData("cx wants 20 bucks back", "20.00 USD")]
    [InlineData("$1,200.50 for the bundle", "1200.50 USD")]
    [InlineData("EUR 30", "30.00 EUR")]
    [InlineData("CA$15", "15.00 CAD")]
    [InlineData("99 cents", "0.99 USD")]
    [InlineData("12 dollars", "12.00 USD")]
    public void Money_IsAmountAndCurrencyCode(string text, string expected) =>
        Assert.Equal([expected], Recognize.Values(EntityKind.Money, text));

    [Fact]
    public void Money_CarriesAmountAndCurrency()
    {
        var money = Recognize.One(EntityKind.Money, "refund of $49.99");
        Assert.Equal((49.99m, "USD"), (money.Amount, money.Unit));
    }

    [Fact]
    public void Money_DollarFollowsTheContextRegion() =>
        Assert.Equal(["25.00 CAD"], Recognize.Values(EntityKind.Money, "$25", Recognize.Context with { DefaultRegion = "CA" }));

    [Theory]
    [InlineData("3 months of billing")]
    [InlineData("order 12345678")]
    [InlineData("fw 4.10")]
    [InlineData("port 8080")]
    [InlineData("refund the full amount")]
    public void Money_NeedsACurrency(string text) =>
        Assert.Empty(Recognize.Of(EntityKind.Money, text));
}
