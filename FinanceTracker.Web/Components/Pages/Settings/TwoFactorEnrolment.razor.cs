using System.ComponentModel.DataAnnotations;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace FinanceTracker.Web.Components.Pages.Settings;

/// <summary>Shows the key (QR code and text) and turns two-factor on once a code from the app matches it.</summary>
public partial class TwoFactorEnrolment
{
    private readonly CodeModel _model = new();
    private EditContext _editContext = default!;
    private ServerValidator? _serverValidator;
    private string? _qrCode;
    private bool _saving;

    [CascadingParameter]
    public Task<AuthenticationState>? AuthenticationState { get; set; }

    [Parameter, EditorRequired]
    public required string SharedKey { get; set; }

    /// <summary>Raised with the new state, which carries the recovery codes to show once.</summary>
    [Parameter]
    public EventCallback<TwoFactorStatus> OnEnabled { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _editContext = new(_model);
        var email = AuthenticationState is null ? null : (await AuthenticationState).User.Identity?.Name;
        _qrCode = TotpQrCode.PngDataUri(email ?? "account", SharedKey);
    }

    private async Task TurnOnAsync()
    {
        if (_saving || !_editContext.Validate())
        {
            return;
        }
        _saving = true;
        TwoFactorStatus? status = null;
        var request = new TwoFactorRequest
        {
            Enable = true,
            TwoFactorCode = Identity.TwoFactorModel.NormalizeCode(_model.Code),
            // Fresh codes every time it is turned on, so the ones shown are the only ones that work.
            ResetRecoveryCodes = true,
        };
        await TryApiAsync(async () => status = await Api.TwoFactorAsync(request), ShowCodeProblem);
        _saving = false;
        if (status is not null)
        {
            await OnEnabled.InvokeAsync(status);
        }
    }

    /// <summary>Identity's words for a wrong code are technical; say it plainly beside the field.</summary>
    private bool ShowCodeProblem(ApiException e)
    {
        if (e.FieldErrors.Count == 0)
        {
            return false;
        }
        var plain = new ApiException(e.Status, e.Title, e.Detail, new Dictionary<string, string[]>
        {
            [nameof(CodeModel.Code)] = ["That code didn't match. Enter the code the app shows now; codes change every 30 seconds."],
        });
        _serverValidator!.Show(plain);
        return true;
    }

    public sealed class CodeModel
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
        [RegularExpression(@"^\s*\d{3}[\s-]?\d{3}\s*$", ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
        public string? Code { get; set; }
    }
}
