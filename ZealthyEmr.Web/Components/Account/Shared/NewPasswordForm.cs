using System.ComponentModel.DataAnnotations;
using ZealthyEmr.Domain.Accounts;

namespace ZealthyEmr.Web.Components.Account.Shared;

public sealed class NewPasswordForm
{
    [Required(ErrorMessage = "Enter a new password.")]
    [StringLength(PasswordPolicy.MaximumLength, MinimumLength = PasswordPolicy.MinimumLength, ErrorMessage = "Use at least {2} characters.")]
    public string NewPassword { get; set; } = "";

    [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords do not match.")]
    public string ConfirmPassword { get; set; } = "";
}
