using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FinanceTracker.Api.Import;

namespace FinanceTracker.Tests.Import;

public class ImportFingerprintTests
{
    private static StatementLine Row(string date, decimal amount, string payee) =>
        new(1, DateOnly.Parse(date), amount, payee, "", null, null);

    [Fact]
    public void TwoIdenticalChargesOnOneDayGetDifferentFingerprints()
    {
        var keys = ImportFingerprint.Compute(7, [Row("2026-03-14", -5.21m, "STARBUCKS"), Row("2026-03-14", -5.21m, "STARBUCKS")]);

        Assert.NotEqual(keys[0], keys[1]);
    }

    [Fact]
    public void TheSameFileTwiceGivesTheSameFingerprints()
    {
        StatementLine[] file = [Row("2026-03-14", -5.21m, "A"), Row("2026-03-14", -5.21m, "A"), Row("2026-03-15", 10m, "B")];

        Assert.Equal(ImportFingerprint.Compute(7, file), ImportFingerprint.Compute(7, file));
    }

    [Fact]
    public void PayeeSpacingCaseAndAmountScaleDoNotChangeTheFingerprint()
    {
        var a = ImportFingerprint.Compute(7, [Row("2026-03-14", -12.5m, "  Corner   shop ")]);
        var b = ImportFingerprint.Compute(7, [Row("2026-03-14", -12.50m, "CORNER SHOP")]);

        Assert.Equal(a, b);
    }

    [Fact]
    public void AccountDateAmountAndPayeeEachChangeTheFingerprint()
    {
        var baseline = ImportFingerprint.Of(7, new DateOnly(2026, 3, 14), -12.5m, "Shop", 1);

        Assert.NotEqual(baseline, ImportFingerprint.Of(8, new DateOnly(2026, 3, 14), -12.5m, "Shop", 1));
        Assert.NotEqual(baseline, ImportFingerprint.Of(7, new DateOnly(2026, 3, 15), -12.5m, "Shop", 1));
        Assert.NotEqual(baseline, ImportFingerprint.Of(7, new DateOnly(2026, 3, 14), 12.5m, "Shop", 1));
        Assert.NotEqual(baseline, ImportFingerprint.Of(7, new DateOnly(2026, 3, 14), -12.5m, "Shop 2", 1));
        Assert.NotEqual(baseline, ImportFingerprint.Of(7, new DateOnly(2026, 3, 14), -12.5m, "Shop", 2));
    }

    [Fact]
    public void AnOverlappingExportRepeatsTheFingerprintsOfTheRowsItShares()
    {
        var lastMonth = ImportFingerprint.Compute(7, [Row("2026-03-01", -3m, "X"), Row("2026-03-02", -3m, "X")]);
        var thisMonth = ImportFingerprint.Compute(7, [Row("2026-03-02", -3m, "X"), Row("2026-03-03", -3m, "X")]);

        Assert.Equal(lastMonth[1], thisMonth[0]);
        Assert.DoesNotContain(thisMonth[1], lastMonth);
    }

    /// <summary>Keys stored by earlier imports must keep matching: the key is SHA-256 of this text, exactly.</summary>
    [Fact]
    public void TheKeyIsTheHashOfTheDocumentedTextSoStoredKeysKeepMatching()
    {
        StatementLine[] file =
        [
            Row("2026-03-14", -5.21m, "  Corner   shop "), Row("2026-03-14", -5.210m, "CORNER SHOP"), Row("1999-12-31", 1234567.8901m, "Café Müller 😀"),
            Row("2026-03-15", 0.000000000001m, ""), Row("2026-03-16", -79228162514264337593543950335m, new string('x', 3000)),
        ];

        var expected = new List<string>();
        var seen = new Dictionary<string, int>();
        foreach (var line in file)
        {
            var identity = string.Join('|', "7", line.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                line.Amount.ToString("0.############", CultureInfo.InvariantCulture), PayeeText.Normalise(line.Payee));
            seen[identity] = seen.GetValueOrDefault(identity) + 1;
            expected.Add(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{identity}|{seen[identity]}"))));
        }

        Assert.Equal(expected, ImportFingerprint.Compute(7, file));
        Assert.Equal(expected[1], ImportFingerprint.Of(7, new DateOnly(2026, 3, 14), -5.21m, "corner shop", 2));
    }
}
