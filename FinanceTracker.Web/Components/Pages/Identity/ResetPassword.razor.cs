using FinanceTracker.Web.Api;
using FinanceTracker.Web.Auth;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Identity;

/// <summary>The page the reset email links to: <c>?email=…&amp;code=…</c>, then a new password twice.</summary>
public partial class ResetPassword
{
    private ServerValidator? _serverValidator;
    private string? _problem;
    private bool _unavailable;
    private bool _linkExpired;

    [Inject]
    public required FinanceApiClient Api { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = "email")]
    public string? Email { get; set; }

    [SupplyParameterFromQuery(Name = "code")]
    public string? Code { get; set; }

    [SupplyParameterFromForm(FormName = "reset-password")]
    public NewPasswordModel Input { get; set; } = default!;

    protected override void OnInitialized() => Input ??= new();

    private async Task ResetAsync()
    {
        try
        {
            await Api.ResetPasswordAsync(new ResetPasswordRequest(Email!, Code!, Input.NewPassword!));
            Navigation.NavigateTo(SignInNotice.Url(SignInNotice.PasswordReset));
        }
        catch (ApiException e) when (e.FieldErrors.Count > 0)
        {
            // Identity answers a bad, used or expired code as an invalid token, filed under "code"; an unknown email too.
            _linkExpired = e.FieldErrors.Keys.Any(k => k is "code" or "resetCode" or "email");
            var other = _serverValidator!.Show(PasswordPolicy.FileUnder(e, nameof(NewPasswordModel.NewPassword)));
            _problem = other.Count > 0 && !_linkExpired ? string.Join(" ", other) : null;
        }
        catch (ApiException e)
        {
            _problem = e.UserMessage; // a 429 says how long to wait
        }
        catch (ApiUnavailableException)
        {
            _unavailable = true;
            _problem = "We can't reach the FinanceTracker service right now. Try again in a moment.";
        }
    }
}
