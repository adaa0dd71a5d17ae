using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Tests.Infrastructure;
using ZealthyEmr.Web.Components.Account;

namespace ZealthyEmr.Tests.Components;

public sealed class LoginPageTests : BunitTestBase
{
    [Theory]
    [InlineData("invalid", "The email or password is incorrect")]
    [InlineData("missing", "Enter your email and password")]
    public void Error_IsShownInPlainWords(string error, string expected)
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/account/login?error={error}");

        var page = Context.Render<Login>();

        Assert.Contains(expected, page.Find("[data-testid=login-error]").TextContent);
    }

    [Fact]
    public void EmailInTheAddress_IsNotEchoedIntoTheForm()
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/account/login?error=invalid&email=a%40b.test");

        var page = Context.Render<Login>();

        Assert.Null(page.Find("#email").GetAttribute("value"));
    }

    [Fact]
    public void UnsafeReturnUrl_IsNotCarriedInTheForm()
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/account/login?returnUrl=%2Fadmin%E2%80%A8x");

        var page = Context.Render<Login>();

        Assert.True(string.IsNullOrEmpty(page.Find("input[name=returnUrl]").GetAttribute("value")));
    }

    [Fact]
    public void NoError_ShowsNoAlert_AndLabelsEveryField()
    {
        var page = Context.Render<Login>();

        Assert.Empty(page.FindAll("[data-testid=login-error]"));
        Assert.Equal("email", page.Find("label[for=email]").GetAttribute("for"));
        Assert.Equal("current-password", page.Find("#password").GetAttribute("autocomplete"));
    }
}
