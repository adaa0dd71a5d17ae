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
    [InlineData("locked", "This account is locked")]
    [InlineData("missing", "Enter your email and password")]
    public void Error_IsShownInPlainWords(string error, string expected)
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/account/login?error={error}&email=a%40b.test");

        var page = Context.Render<Login>();

        Assert.Contains(expected, page.Find("[data-testid=login-error]").TextContent);
        Assert.Equal("a@b.test", page.Find("#email").GetAttribute("value"));
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
