using FinanceTracker.Api.Import;

namespace FinanceTracker.Tests.Import;

public class AmountTextTests
{
    [Theory]
    [InlineData("-12.50", null, -12.50)]
    [InlineData("1,234.56", null, 1234.56)]
    [InlineData("1.234,56", null, 1234.56)]
    [InlineData("(12.50)", null, -12.50)]
    [InlineData("12.50-", null, -12.50)]
    [InlineData("12,50 CR", null, 12.50)]
    [InlineData("12,50 DR", null, -12.50)]
    [InlineData("-$7,971.39", null, -7971.39)]
    [InlineData("$6,000.36", null, 6000.36)]
    [InlineData("2500", null, 2500)]
    [InlineData("0,31", null, 0.31)]
    [InlineData("1.234", ',', 1234)]
    [InlineData("1,234", ',', 1.234)]
    public void ReadsTheStylesBanksWrite(string text, char? decimalSeparator, double expected)
    {
        Assert.True(AmountText.TryParse(text, out var amount, decimalSeparator));
        Assert.Equal((decimal)expected, amount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3,4,5")]
    [InlineData("12 apples")]
    public void RejectsTextThatIsNotAnAmount(string text)
    {
        Assert.False(AmountText.TryParse(text, out _));
    }
}
