using System.ComponentModel.DataAnnotations;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Auth;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Identity;

public partial class Register
{
    private ServerValidator? _serverValidator;
    private string? _problem;
    private bool _unavailable;

    [Inject]
    public required FinanceApiClient Api { get; init; }

    [Inject]
    public required SignInService SignIn { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [CascadingParameter]
    public required HttpContext HttpContext { get; set; }

    [SupplyParameterFromForm]
    public SignUpModel Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    public string? ReturnUrl { get; set; }

    protected override void OnInitialized() => Input ??= new();

    private async Task SignUpAsync()
    {
        var credentials = new Credentials(Input.Email!.Trim(), Input.Password!);
        try
        {
            await Api.RegisterAsync(credentials);
            await SignIn.SignInAsync(HttpContext, new LoginRequest(credentials.Email, credentials.Password));
            Navigation.NavigateTo(AuthEndpoints.SafeReturnUrl(ReturnUrl));
        }
        catch (ApiException e) when (e.FieldErrors.Count > 0)
        {
            var other = _serverValidator!.Show(e);
            _problem = other.Count > 0 ? string.Join(" ", other) : null;
        }
        catch (ApiException e)
        {
            _problem = e.UserMessage;
        }
        catch (ApiUnavailableException)
        {
            _unavailable = true;
            _problem = "We can't reach the FinanceTracker service right now. Try again in a moment.";
        }
    }

    public sealed class SignUpModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.com.")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Choose a password.")]
        [MinLength(8, ErrorMessage = "Use at least 8 characters.")]
        public string? Password { get; set; }
    }
}
