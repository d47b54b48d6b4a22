using System.ComponentModel.DataAnnotations;

namespace FinanceTracker.Web.Components.Shared;

/// <summary>A new password typed twice (reset and change).</summary>
public class NewPasswordModel
{
    [Required(ErrorMessage = "Choose a new password.")]
    [MinLength(PasswordPolicy.MinimumLength, ErrorMessage = "Use at least 12 characters.")]
    public string? NewPassword { get; set; }

    [Required(ErrorMessage = "Type the new password again.")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two passwords don't match.")]
    public string? ConfirmPassword { get; set; }
}
