using Bunit;
using FinanceTracker.Web.Components.Shared;
using FinanceTracker.Web.Formatting;

namespace FinanceTracker.Tests.Web;

public sealed class MoneyFormattingTests : WebTestContext
{
    [Theory]
    [InlineData(-42.1, "EUR", "\u2212€42.10")]
    [InlineData(2500, "EUR", "+€2,500.00")]
    [InlineData(-1200, "JPY", "\u2212¥1,200")]
    [InlineData(5, "CHF", "+CHF\u00A05.00")]
    [InlineData(-1.5, "KWD", "\u2212KWD\u00A01.500")]
    public void FormatsWithTheCurrencysDecimalsAndAnExplicitSign(decimal amount, string currency, string expected) =>
        Assert.Equal(expected, MoneyFormatter.Format(amount, currency));

    [Fact]
    public void BalancesShowNoPlusSign() =>
        Assert.Equal("€957.90", MoneyFormatter.Format(957.9m, "EUR", signed: false));

    [Fact]
    public void MoneyOutIsStyledAsOutAndStartsWithAMinus()
    {
        var cut = Render<Money>(p => p.Add(m => m.Amount, -42.10m).Add(m => m.Currency, "EUR"));

        var span = cut.Find("span.money");
        Assert.Contains("out", span.ClassList);
        Assert.Equal("\u2212€42.10", span.TextContent);
    }

    [Fact]
    public void MoneyInIsStyledAsInAndStartsWithAPlus()
    {
        var cut = Render<Money>(p => p.Add(m => m.Amount, 1200m).Add(m => m.Currency, "JPY"));

        var span = cut.Find("span.money");
        Assert.Contains("in", span.ClassList);
        Assert.Equal("+¥1,200", span.TextContent);
    }

    [Fact]
    public void PositiveBalanceIsNeutral()
    {
        var cut = Render<Money>(p => p.Add(m => m.Amount, 10m).Add(m => m.Currency, "EUR").Add(m => m.Signed, false));

        Assert.Contains("neutral", cut.Find("span.money").ClassList);
    }

    [Theory]
    [InlineData("42.10", 42.10)]
    [InlineData("-42,10", -42.10)]
    [InlineData("+1,250.00", 1250)]
    [InlineData("\u22125", -5)]
    [InlineData(" 7 ", 7)]
    public void ReadsAmountsAsPeopleTypeThem(string text, decimal expected)
    {
        Assert.True(AmountText.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    public void RejectsWhatIsNotAnAmount(string text) => Assert.False(AmountText.TryParse(text, out _));
}
