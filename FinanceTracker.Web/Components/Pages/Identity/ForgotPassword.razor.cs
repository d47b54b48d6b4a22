using System.ComponentModel.DataAnnotations;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Identity;

/// <summary>Asks the Api to email a reset link; the answer never tells whether the email has an account.</summary>
public partial class ForgotPassword
{
    public const string SentMessage = "If an account exists for that email, we sent a link to reset the password. It works for a limited time.";

    private ServerValidator? _serverValidator;
    private string? _problem;
    private bool _unavailable;
    private bool _sent;

    [Inject]
    public required FinanceApiClient Api { get; init; }

    [SupplyParameterFromForm(FormName = "forgot-password")]
    public ForgotPasswordModel Input { get; set; } = default!;

    protected override void OnInitialized() => Input ??= new();

    private async Task SendAsync()
    {
        try
        {
            await Api.ForgotPasswordAsync(Input.Email!.Trim());
            _sent = true;
        }
        catch (ApiException e) when (e.FieldErrors.Count > 0)
        {
            var other = _serverValidator!.Show(e);
            _problem = other.Count > 0 ? string.Join(" ", other) : null;
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

    public sealed class ForgotPasswordModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.com.")]
        public string? Email { get; set; }
    }
}
