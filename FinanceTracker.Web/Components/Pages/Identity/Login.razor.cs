using System.ComponentModel.DataAnnotations;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Auth;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Identity;

public partial class Login
{
    private ServerValidator? _serverValidator;
    private string? _problem;
    private bool _unavailable;

    [Inject]
    public required SignInService SignIn { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [CascadingParameter]
    public required HttpContext HttpContext { get; set; }

    [SupplyParameterFromForm]
    public SignInModel Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    public string? ReturnUrl { get; set; }

    protected override void OnInitialized() => Input ??= new();

    private async Task SignInAsync()
    {
        try
        {
            await SignIn.SignInAsync(HttpContext, new Credentials(Input.Email!.Trim(), Input.Password!));
            Navigation.NavigateTo(AuthEndpoints.SafeReturnUrl(ReturnUrl));
        }
        catch (ApiException e) when (e.IsUnauthorized)
        {
            _problem = e.Detail == "LockedOut"
                ? "Too many wrong attempts. Your account is locked for a few minutes; try again later."
                : "Wrong email or password. Check both and try again.";
        }
        catch (ApiException e)
        {
            _problem = _serverValidator?.Show(e) is { Count: > 0 } other ? string.Join(" ", other) : null;
        }
        catch (ApiUnavailableException)
        {
            _unavailable = true;
            _problem = "We can't reach the FinanceTracker service right now. Try again in a moment.";
        }
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
