using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Settings;

/// <summary>Turns two-factor authentication on (through <see cref="TwoFactorEnrolment"/>) or off, and renews recovery codes.</summary>
public partial class TwoFactorSection
{
    private bool _enrolling;
    private IReadOnlyList<string>? _recoveryCodes;

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Parameter]
    public TwoFactorStatus? Status { get; set; }

    [Parameter]
    public EventCallback<TwoFactorStatus> OnChanged { get; set; }

    private static string RecoveryCodesLeftText(int left) => left switch
    {
        0 => "You have no recovery codes left. Generate new ones, or losing your phone locks you out.",
        1 => "1 recovery code left. Generate new ones soon.",
        <= 3 => $"{left} recovery codes left. Generate new ones soon.",
        _ => $"{left} recovery codes left, for when your phone is not at hand.",
    };

    private async Task EnabledAsync(TwoFactorStatus status)
    {
        _enrolling = false;
        _recoveryCodes = status.RecoveryCodes;
        await OnChanged.InvokeAsync(status);
    }

    private async Task NewRecoveryCodesAsync()
    {
        if (!await Dialogs.ConfirmAsync("Generate new recovery codes?",
                "Your current recovery codes stop working, and you get 10 new ones to save.", "Generate new codes"))
        {
            return;
        }
        TwoFactorStatus? status = null;
        if (await TryApiAsync(async () => status = await Api.TwoFactorAsync(new() { ResetRecoveryCodes = true })))
        {
            _recoveryCodes = status!.RecoveryCodes;
            await OnChanged.InvokeAsync(status);
        }
    }

    private async Task TurnOffAsync()
    {
        if (!await Dialogs.ConfirmAsync("Turn off two-factor authentication?",
                "Signing in will ask only for your password. Your authenticator app's entry and your recovery codes stop working, and your other devices are signed out.",
                "Turn off"))
        {
            return;
        }
        TwoFactorStatus? status = null;
        // A fresh key, so the entry in the old authenticator app is worthless if it is ever turned on again.
        if (await TryApiAsync(async () => status = await Api.TwoFactorAsync(new() { ResetSharedKey = true })))
        {
            await OnChanged.InvokeAsync(status!);
        }
    }
}
