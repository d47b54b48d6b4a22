using System.ComponentModel.DataAnnotations;

namespace FinanceTracker.Web.Components.Pages.Identity;

/// <summary>The second sign-in step: the protected challenge from the first step plus one of the two kinds of code.</summary>
public sealed class TwoFactorModel : IValidatableObject
{
    public const string RecoveryMode = "recovery";
    public const string AuthenticatorMode = "authenticator";

    public string? Challenge { get; set; }

    public bool UseRecoveryCode { get; set; }

    public string? Code { get; set; }

    public string? RecoveryCode { get; set; }

    /// <summary>Set by the "use a recovery code instead" button (or its way back): change mode, sign nothing in.</summary>
    public string? Switch { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UseRecoveryCode && string.IsNullOrWhiteSpace(RecoveryCode))
        {
            yield return new("Enter one of your recovery codes.", [nameof(RecoveryCode)]);
        }
        else if (!UseRecoveryCode && !IsSixDigits(NormalizeCode(Code)))
        {
            yield return new("Enter the 6-digit code from your authenticator app.", [nameof(Code)]);
        }
    }

    private static bool IsSixDigits(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    /// <summary>Apps show codes as "123 456"; the Api wants the six digits.</summary>
    public static string? NormalizeCode(string? code) =>
        code is null ? null : new string(code.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>Recovery codes are XXXXX-XXXXX in capitals; accept them typed in lower case or without the dash.</summary>
    public static string? NormalizeRecoveryCode(string? code)
    {
        var compact = code is null ? null : new string(code.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return compact is { Length: 10 } ? $"{compact[..5]}-{compact[5..]}" : code?.Trim();
    }
}
