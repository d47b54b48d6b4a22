using System.Globalization;

namespace FinanceTracker.Api.Import.Ofx;

/// <summary>
/// Reads OFX/QFX bank (<c>STMTRS</c>) and credit-card (<c>CCSTMTRS</c>) statements, several per file, into
/// <see cref="ParsedStatement"/>: one account per statement, <c>FITID</c> kept as the import id (null when empty).
/// </summary>
public static class OfxParser
{
    public static ParsedStatement Parse(ReadOnlySpan<byte> bytes) => FromTree(OfxDocument.Read(bytes));

    public static ParsedStatement Parse(string text) => FromTree(OfxDocument.Read(text));

    private static ParsedStatement FromTree(OfxElement ofx)
    {
        var accounts = new List<StatementAccount>();
        var errors = new List<StatementError>();
        var statements = ofx.Descendants("STMTRS").Concat(ofx.Descendants("CCSTMTRS")).OrderBy(s => s.Line);
        foreach (var statement in statements)
        {
            accounts.Add(ReadAccount(statement, accounts, errors));
        }
        if (accounts.Count == 0)
        {
            throw new StatementFormatException("The OFX file holds no bank or credit-card statement (STMTRS or CCSTMTRS).");
        }
        return new ParsedStatement("ofx", accounts, errors);
    }

    private static StatementAccount ReadAccount(OfxElement statement, List<StatementAccount> earlier, List<StatementError> errors)
    {
        var creditCard = statement.Name.Equals("CCSTMTRS", StringComparison.OrdinalIgnoreCase);
        var from = statement.Child(creditCard ? "CCACCTFROM" : "BANKACCTFROM") ?? statement.Descendants("BANKACCTFROM").FirstOrDefault();
        var number = from?.Text("ACCTID");
        var bankId = from?.Text("BANKID");
        var key = UniqueKey(bankId is null ? number ?? "account" : $"{bankId}:{number}", earlier);
        var type = creditCard ? "CREDITCARD" : from?.Text("ACCTTYPE");
        var lines = new List<StatementLine>();
        foreach (var transaction in statement.Descendants("STMTTRN"))
        {
            if (ReadLine(transaction, key, out var error) is { } line)
            {
                lines.Add(line);
            }
            else
            {
                errors.Add(error!);
            }
        }
        var balance = statement.Child("LEDGERBAL")?.Text("BALAMT") is { } b && AmountText.TryParse(b, out var amount) ? amount : (decimal?)null;
        return new StatementAccount(key, number, type, statement.Text("CURDEF")?.ToUpperInvariant(), balance, lines);
    }

    private static StatementLine? ReadLine(OfxElement transaction, string accountKey, out StatementError? error)
    {
        error = null;
        var posted = transaction.Text("DTPOSTED") ?? transaction.Text("DTUSER");
        if (!OfxDate.TryParse(posted, out var date))
        {
            error = new StatementError(transaction.Line, posted is null ? "The transaction has no DTPOSTED date." : $"DTPOSTED '{posted}' is not an OFX date.");
            return null;
        }
        var amountText = transaction.Text("TRNAMT");
        if (!AmountText.TryParse(amountText, out var amount))
        {
            error = new StatementError(transaction.Line, amountText is null ? "The transaction has no TRNAMT amount." : $"TRNAMT '{amountText}' is not a number.");
            return null;
        }
        var memo = transaction.Text("MEMO") ?? "";
        var name = transaction.Text("NAME") ?? transaction.Child("PAYEE")?.Text("NAME");
        // Some banks leave NAME empty and put the description in MEMO; the preview still needs a payee.
        var payee = PayeeText.Clean(name ?? memo);
        return new StatementLine(transaction.Line, date, amount, payee, memo, transaction.Text("FITID"), accountKey)
        {
            Number = transaction.Text("CHECKNUM") is { } n && n != "0" ? n : null,
        };
    }

    private static string UniqueKey(string key, List<StatementAccount> earlier)
    {
        var candidate = key;
        for (var i = 2; earlier.Any(a => a.Key == candidate); i++)
        {
            candidate = key + "#" + i.ToString(CultureInfo.InvariantCulture);
        }
        return candidate;
    }
}
