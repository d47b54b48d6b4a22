using System.ComponentModel.DataAnnotations;
using FinanceTracker.Web.Auth;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Settings;

/// <summary>Deletes the account after the password (and code), then a last, explicit question.</summary>
public partial class DeleteAccountSection
{
    public const string ConfirmTitle = "Delete your account for good?";

    public const string ConfirmMessage =
        "Your account and everything in it will be deleted: every transaction, account, category and receipt. "
        + "You will be signed out everywhere. This cannot be undone.";

    private DeleteModel _model = new();
    private EditContext _editContext = default!;
    private ServerValidator? _serverValidator;
    private bool _open;
    private bool _deleting;

    [Inject]
    public required IDialogService Dialogs { get; init; }

    /// <summary>Whether the Api will also ask for a code from the authenticator app.</summary>
    [Parameter]
    public bool TwoFactorEnabled { get; set; }

    protected override void OnInitialized() => _editContext = new(_model);

    private async Task DeleteAsync()
    {
        _model.RequiresCode = TwoFactorEnabled;
        if (_deleting || !_editContext.Validate())
        {
            return;
        }
        if (!await Dialogs.ConfirmAsync(ConfirmTitle, ConfirmMessage, "Delete everything"))
        {
            return;
        }
        _deleting = true;
        var deleted = await TryApiAsync(
            () => Api.DeleteMyAccountAsync(new(_model.Password!, TwoFactorEnabled ? Identity.TwoFactorModel.NormalizeCode(_model.TwoFactorCode) : null)),
            e => e.FieldErrors.Count > 0 && _serverValidator!.Show(e).Count == 0);
        _deleting = false;
        if (deleted)
        {
            // The Api session is gone with the account, so this page load finds the cookie dead and clears it.
            Navigation.NavigateTo(SignInNotice.Url(SignInNotice.AccountDeleted), forceLoad: true);
        }
    }

    private void Close()
    {
        _open = false;
        _model = new();
        _editContext = new(_model);
    }

    public sealed class DeleteModel : IValidatableObject
    {
        [Required(ErrorMessage = "Enter your password.")]
        public string? Password { get; set; }

        public string? TwoFactorCode { get; set; }

        /// <summary>The code is asked for only with two-factor authentication on.</summary>
        public bool RequiresCode { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (RequiresCode && string.IsNullOrWhiteSpace(TwoFactorCode))
            {
                yield return new("Enter the current code from your authenticator app.", [nameof(TwoFactorCode)]);
            }
        }
    }
}
