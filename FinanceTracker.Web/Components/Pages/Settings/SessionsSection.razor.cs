using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using FinanceTracker.Web.Formatting;
using Microsoft.AspNetCore.Components;
using Microsoft.FluentUI.AspNetCore.Components;
using Icons = Microsoft.FluentUI.AspNetCore.Components.Icons;

namespace FinanceTracker.Web.Components.Pages.Settings;

/// <summary>The Api's sessions of the signed-in person: see them, end one, or end all but this one.</summary>
public partial class SessionsSection
{
    private IReadOnlyList<Session>? _sessions;

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required INotificationService Notifications { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    private static Icon DeviceIcon(string? userAgent) =>
        DeviceName.IsPhone(userAgent) ? new Icons.Regular.Size24.Phone() : new Icons.Regular.Size24.Desktop();

    protected override Task OnInitializedAsync() => LoadAsync();

    private Task LoadAsync() => TryApiAsync(async () => _sessions = await Api.GetSessionsAsync());

    private async Task EndAsync(Session session, string name)
    {
        if (!await Dialogs.ConfirmAsync($"End the session on {name}?",
                $"That browser ({session.IpAddress ?? "unknown address"}) is signed out at once and has to sign in again.", "End session"))
        {
            return;
        }
        var alreadyEnded = false;
        if (await TryApiAsync(() => Api.EndSessionAsync(session.Id), e => alreadyEnded = e.IsNotFound) || alreadyEnded)
        {
            Notifications.Toast("Signed out", $"{name} is signed out.");
            await LoadAsync();
        }
    }

    private async Task EndOthersAsync()
    {
        if (await Dialogs.ConfirmAsync("Sign out everywhere else?",
                "Every other browser and device is signed out at once. You stay signed in here.", "Sign out everywhere else")
            && await TryApiAsync(() => Api.EndOtherSessionsAsync()))
        {
            Notifications.Toast("Signed out", "Every other device is signed out.");
            await LoadAsync();
        }
    }
}
