using System.Globalization;
using FinanceTracker.Web.Api;

namespace FinanceTracker.Web.Components.Pages.Register;

/// <summary>The words the register and the reconcile panel share, so a row's checkbox has one name in both.</summary>
public static class RegisterText
{
    public static string Payee(Transaction t) => string.IsNullOrWhiteSpace(t.Payee) ? "No payee" : t.Payee;

    /// <summary>"Cleared: Landlord 1 Mar 2026": the payee and full date tell the rows apart for a screen reader.</summary>
    public static string ClearedLabel(Transaction t) =>
        $"Cleared: {Payee(t)} {t.Date.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";

    public static string LongDate(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Rows(int count) => count == 1 ? "1 transaction" : $"{count:N0} transactions";
}
