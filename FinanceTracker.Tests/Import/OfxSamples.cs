namespace FinanceTracker.Tests.Import;

/// <summary>Hand-written OFX for quirks the real exports lack: SGML and XML mixed, a credit card, entities, empty leaves.</summary>
public static class OfxSamples
{
    public const string BankAndCard = """
        OFXHEADER:100
        DATA:OFXSGML
        VERSION:102
        CHARSET:1252

        <OFX>
        <SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20260315</SONRS></SIGNONMSGSRSV1>
        <BANKMSGSRSV1>
        <STMTTRNRS><TRNUID>1<STMTRS>
        <CURDEF>EUR
        <BANKACCTFROM><BANKID>111<ACCTID>222<ACCTTYPE>SAVINGS</BANKACCTFROM>
        <BANKTRANLIST>
        <STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260301<TRNAMT>-1.50<FITID>A1<NAME>AT&amp;T &lt;mobile&gt;</STMTTRN>
        <STMTTRN>
          <TRNTYPE>CREDIT</TRNTYPE>
          <DTPOSTED>20260302120000.000[+1:CET]</DTPOSTED>
          <TRNAMT>2.00</TRNAMT>
          <FITID>A2</FITID>
          <NAME/>
          <MEMO><![CDATA[note]]></MEMO>
        </STMTTRN>
        </BANKTRANLIST>
        </STMTRS></STMTTRNRS>
        </BANKMSGSRSV1>
        <CREDITCARDMSGSRSV1>
        <CCSTMTTRNRS><TRNUID>2<CCSTMTRS><CURDEF>EUR<CCACCTFROM><ACCTID>4111</CCACCTFROM>
        <BANKTRANLIST>
        <STMTTRN>
        <TRNTYPE>DEBIT
        <DTPOSTED>20260314
        <TRNAMT>-42.00
        <FITID>
        <NAME>Café
        </STMTTRN>
        </BANKTRANLIST>
        </CCSTMTRS></CCSTMTTRNRS>
        <CCSTMTTRNRS><TRNUID>3<CCSTMTRS><CURDEF>EUR<CCACCTFROM><ACCTID>4111</CCACCTFROM>
        <BANKTRANLIST><STMTTRN><DTPOSTED>20260315<TRNAMT>-1<FITID>C1<NAME>Second card statement</STMTTRN></BANKTRANLIST>
        </CCSTMTRS></CCSTMTTRNRS>
        </CREDITCARDMSGSRSV1>
        </OFX>
        """;

    /// <summary>1-based line of the first line of <see cref="BankAndCard"/> containing <paramref name="text"/>.</summary>
    public static int LineOf(string text) =>
        1 + BankAndCard.Split('\n').ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal));
}
