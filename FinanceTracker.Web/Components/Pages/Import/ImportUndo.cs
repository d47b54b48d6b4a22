using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Import;

/// <summary>The question before an import's transactions are deleted; shared by the summary and the recent list.</summary>
public static class ImportUndo
{
    public const string Title = "Undo this import?";

    public static Task<bool> ConfirmAsync(IDialogService dialogs, string fileName, int added) => dialogs.ConfirmAsync(
        Title,
        $"The {ImportStatus.Count(added, "transaction", "transactions")} added from “{fileName}” will be deleted, "
        + "and your balances and totals change with them. Transactions you entered yourself are not touched.",
        "Undo import");

    public static string Done(UndoImportResult result) => $"Removed {ImportStatus.Count(result.Removed, "transaction", "transactions")}.";
}
