using System.ComponentModel.DataAnnotations;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>What the development sign-in form posts; what was typed comes back with the messages when it is refused.</summary>
public sealed class SignInForm
{
    [Required(ErrorMessage = "请选择角色")]
    public string Role { get; set; } = "office";

    public string? Unit { get; set; }

    [Required(ErrorMessage = "请填写姓名")]
    [StringLength(50, ErrorMessage = "姓名不超过 50 个字")]
    public string? DisplayName { get; set; }
}
