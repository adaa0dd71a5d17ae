using System.ComponentModel.DataAnnotations;

namespace ZealthyEmr.Web.Components.Account.Shared;

public sealed class CodeForm
{
    [Required(ErrorMessage = "Enter the code.")]
    [StringLength(64, ErrorMessage = "That is not a code.")]
    public string Code { get; set; } = "";
}
