using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Shared;

public static class FeedbackExtensions
{
    /// <summary>Asks before a destructive action; true when the person confirmed.</summary>
    public static async Task<bool> ConfirmAsync(
        this IDialogService dialogs, string title, string message, string confirmLabel = "Delete")
    {
        var result = await dialogs.ShowDialogAsync<ConfirmDialog>(options =>
        {
            options.Parameters[nameof(ConfirmDialog.Title)] = title;
            options.Parameters[nameof(ConfirmDialog.Message)] = message;
            options.Parameters[nameof(ConfirmDialog.ConfirmLabel)] = confirmLabel;
            // Wide enough for Fluent to put the two buttons side by side (it stacks them under 480 px of content).
            options.Width = "min(560px, calc(100vw - 24px))";
        });
        return !result.Cancelled;
    }

    /// <summary>
    /// A short confirmation that a change was saved. Not awaited: the service waits for the toast to close.
    /// The title labels the toast for assistive tech, so keep it to a verb ("Added", "Saved"): a name like
    /// "Account ..." would also answer to the form's "Account" field for anyone finding fields by label.
    /// </summary>
    public static void Toast(this INotificationService notifications, string title, string? body = null) =>
        _ = notifications.ShowSuccessToastAsync(title, body ?? "", lifetime: 5);
}
