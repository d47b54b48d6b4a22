using FinanceTracker.Web.Api;

namespace FinanceTracker.Web.Components.Shared;

/// <summary>What the Api asks of a new password, said once for every form that sets one.</summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;

    public const string Hint = "At least 12 characters and not a common password. A few random words make a strong, memorable passphrase.";

    /// <summary>
    /// Identity files every password complaint under "password"; on a form with several password fields they belong
    /// to the new one, except "Incorrect password.", which is about the current one (when the form has it).
    /// </summary>
    public static ApiException FileUnder(ApiException problem, string newPasswordField, string? currentPasswordField = null)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (key, messages) in problem.FieldErrors)
        {
            if (key == "oldPassword" && currentPasswordField is not null)
            {
                errors[currentPasswordField] = messages;
                continue;
            }
            if (key is not ("password" or "newPassword"))
            {
                errors[key] = messages;
                continue;
            }
            foreach (var message in messages)
            {
                var field = currentPasswordField is not null && message.StartsWith("Incorrect password", StringComparison.OrdinalIgnoreCase)
                    ? currentPasswordField
                    : newPasswordField;
                errors[field] = [.. errors.GetValueOrDefault(field, []), message];
            }
        }
        return new ApiException(problem.Status, problem.Title, problem.Detail, errors);
    }
}
