using System.ComponentModel.DataAnnotations;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Auth;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace FinanceTracker.Web.Components.Pages.Identity;

/// <summary>
/// Sign-in in one or two steps: email and password, then (for an account with two-factor authentication) the
/// authenticator code or a recovery code. Between the steps the password travels only inside the protected challenge.
/// </summary>
public partial class Login
{
    private const string PasswordForm = "sign-in";
    private ServerValidator? _serverValidator;
    private string? _problem;
    private bool _unavailable;
    private bool _codeStep;
    private string? _pendingEmail;

    [Inject]
    public required SignInService SignIn { get; init; }

    [Inject]
    public required TwoFactorChallenge Challenges { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [CascadingParameter]
    public required HttpContext HttpContext { get; set; }

    [SupplyParameterFromForm(FormName = PasswordForm)]
    public SignInModel Input { get; set; } = default!;

    /// <summary>Named like the step component's parameter, so the field names it renders bind back here.</summary>
    [SupplyParameterFromForm(FormName = TwoFactorStep.FormName, Name = "Input")]
    public TwoFactorModel CodeInput { get; set; } = default!;

    [SupplyParameterFromQuery]
    public string? ReturnUrl { get; set; }

    [SupplyParameterFromQuery]
    public string? Notice { get; set; }

    protected override void OnInitialized()
    {
        Input ??= new();
        CodeInput ??= new();
        // The code form must render on its own post, or its submit would find no form to land on.
        _codeStep = CodeInput.Challenge is not null;
        _pendingEmail = _codeStep ? Challenges.Unprotect(CodeInput.Challenge)?.Email : null;
    }

    private async Task SignInAsync()
    {
        var email = Input.Email!.Trim();
        try
        {
            await SignIn.SignInAsync(HttpContext, new LoginRequest(email, Input.Password!));
            Navigation.NavigateTo(AuthEndpoints.SafeReturnUrl(ReturnUrl));
        }
        catch (ApiException e) when (e.IsUnauthorized && e.Detail == "RequiresTwoFactor")
        {
            CodeInput = new() { Challenge = Challenges.Protect(email, Input.Password!) };
            _pendingEmail = email;
            _codeStep = true;
        }
        catch (Exception e) when (e is ApiException or ApiUnavailableException)
        {
            Show(e);
        }
    }

    private async Task VerifyCodeAsync(EditContext form)
    {
        _problem = null;
        if (CodeInput.Switch is { } mode)
        {
            CodeInput = new() { Challenge = CodeInput.Challenge, UseRecoveryCode = mode == TwoFactorModel.RecoveryMode };
            return;
        }
        if (!form.Validate())
        {
            return;
        }
        if (Challenges.Unprotect(CodeInput.Challenge) is not { } pending)
        {
            BackToPassword("That took too long, so we forgot your password for safety. Enter it again.");
            return;
        }
        var login = CodeInput.UseRecoveryCode
            ? new LoginRequest(pending.Email, pending.Password, TwoFactorRecoveryCode: TwoFactorModel.NormalizeRecoveryCode(CodeInput.RecoveryCode))
            : new LoginRequest(pending.Email, pending.Password, TwoFactorCode: TwoFactorModel.NormalizeCode(CodeInput.Code));
        try
        {
            await SignIn.SignInAsync(HttpContext, login);
            Navigation.NavigateTo(AuthEndpoints.SafeReturnUrl(ReturnUrl));
        }
        catch (ApiException e) when (e.IsUnauthorized && e.Detail == "LockedOut")
        {
            BackToPassword(LockedOutMessage);
        }
        catch (ApiException e) when (e.IsUnauthorized)
        {
            _problem = CodeInput.UseRecoveryCode
                ? "That recovery code didn't work. Check it, or use one you haven't used before."
                : "That code didn't work. Enter the code your authenticator app shows now.";
            CodeInput.Code = CodeInput.RecoveryCode = null;
        }
        catch (Exception e) when (e is ApiException or ApiUnavailableException)
        {
            Show(e);
        }
    }

    private const string LockedOutMessage = "Too many wrong attempts. Your account is locked for a few minutes; try again later.";

    private void BackToPassword(string problem)
    {
        _codeStep = false;
        _problem = problem;
        Input = new() { Email = _pendingEmail };
    }

    private void Show(Exception e)
    {
        _unavailable = e is ApiUnavailableException;
        _problem = e switch
        {
            ApiUnavailableException => "We can't reach the FinanceTracker service right now. Try again in a moment.",
            ApiException { IsUnauthorized: true, Detail: "LockedOut" } => LockedOutMessage,
            ApiException { IsUnauthorized: true } => "Wrong email or password. Check both and try again.",
            // The Api's 429 says how long to wait.
            ApiException { Status: System.Net.HttpStatusCode.TooManyRequests } api => api.UserMessage,
            ApiException api when !_codeStep && _serverValidator?.Show(api) is { } other => other.Count > 0 ? string.Join(" ", other) : null,
            ApiException api => api.UserMessage,
            _ => null,
        };
    }

    public sealed class SignInModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.com.")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password.")]
        public string? Password { get; set; }
    }
}
