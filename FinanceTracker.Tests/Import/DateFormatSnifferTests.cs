using FinanceTracker.Api.Import.Csv;

namespace FinanceTracker.Tests.Import;

public class DateFormatSnifferTests
{
    [Theory]
    [InlineData("yyyy-MM-dd", "2026-03-14", "2026-04-01")]
    [InlineData("dd/MM/yyyy", "14/03/2026", "01/04/2026")]
    [InlineData("MM/dd/yyyy", "03/14/2026", "04/01/2026")]
    [InlineData("dd.MM.yyyy", "14.03.2026", "01.04.2026")]
    [InlineData("yyyyMMdd", "20260314", "20260401")]
    [InlineData("dd-MM-yyyy", "14-03-2026", "01-04-2026")]
    public void ADayAboveTwelveSettlesTheFormat(string expected, string first, string second)
    {
        Assert.Equal(expected, DateFormatSniffer.Sniff([first, second])[0]);
    }

    [Fact]
    public void DaysAllAtMostTwelveLeaveBothOrdersForThePersonToConfirm()
    {
        var formats = DateFormatSniffer.Sniff(["03/04/2026", "05/06/2026"]);

        Assert.Contains("dd/MM/yyyy", formats);
        Assert.Contains("MM/dd/yyyy", formats);
    }

    [Fact]
    public void TextThatIsNotADateMatchesNoFormat()
    {
        Assert.Empty(DateFormatSniffer.Sniff(["ACME STORE", "14/03/2026"]));
    }
}
