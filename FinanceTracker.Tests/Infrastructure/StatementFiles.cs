using System.Globalization;
using System.Text;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>Small bank files written by the tests: OFX 1.x (SGML) and QIF, with only the rows a test needs.</summary>
public static class StatementFiles
{
    public sealed record Row(string Date, decimal Amount, string Payee, string? FitId = null, string Memo = "");

    public static byte[] Ofx(params Row[] rows) => Ofx([("DE", "123456", rows)]);

    /// <summary>An OFX file with one bank statement per (bank id, account id).</summary>
    public static byte[] Ofx(IEnumerable<(string BankId, string AccountId, Row[] Rows)> statements)
    {
        var text = new StringBuilder("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nCHARSET:1252\n\n<OFX>\n<BANKMSGSRSV1>\n");
        foreach (var (bankId, accountId, rows) in statements)
        {
            text.Append($"<STMTTRNRS><TRNUID>1<STMTRS><CURDEF>EUR<BANKACCTFROM><BANKID>{bankId}<ACCTID>{accountId}<ACCTTYPE>CHECKING</BANKACCTFROM>\n<BANKTRANLIST>\n");
            foreach (var row in rows)
            {
                text.Append("<STMTTRN><TRNTYPE>OTHER")
                    .Append($"<DTPOSTED>{row.Date.Replace("-", "", StringComparison.Ordinal)}")
                    .Append($"<TRNAMT>{row.Amount.ToString(CultureInfo.InvariantCulture)}")
                    .Append(row.FitId is null ? "" : $"<FITID>{row.FitId}")
                    .Append($"<NAME>{row.Payee}")
                    .Append(row.Memo.Length > 0 ? $"<MEMO>{row.Memo}" : "")
                    .Append("</STMTTRN>\n");
            }
            text.Append("</BANKTRANLIST>\n</STMTRS></STMTTRNRS>\n");
        }
        text.Append("</BANKMSGSRSV1>\n</OFX>\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] Qif(params Row[] rows)
    {
        var text = new StringBuilder("!Type:Bank\n");
        foreach (var row in rows)
        {
            text.Append($"D{row.Date}\nT{row.Amount.ToString(CultureInfo.InvariantCulture)}\nP{row.Payee}\n");
            if (row.Memo.Length > 0) text.Append($"M{row.Memo}\n");
            text.Append("^\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
