using ZealthyEmr.Domain.Accounts;
using ZealthyEmr.Domain.Seeding;

namespace ZealthyEmr.Tests.Domain;

public sealed class PasswordPolicyTests
{
    private static readonly string[] Mark = ["Mark Johnson", DemoLogins.Mark];

    [Theory]
    [InlineData("Password123!")]
    [InlineData("P@ssw0rd2024!")]
    [InlineData("qwertyuiop123")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("abcdefghijklmnop")]
    public void CommonOrPatternedPasswords_AreRefused_WithAReason(string password)
    {
        var problem = PasswordPolicy.Problem(password, Mark);

        Assert.NotNull(problem);
        Assert.StartsWith("This password is too easy to guess: it ", problem);
    }

    [Fact]
    public void ShortPassword_IsRefusedForItsLength()
    {
        var problem = PasswordPolicy.Problem("x7#Qv!2m", Mark);

        Assert.Contains("at least 12 characters", problem);
    }

    [Fact]
    public void TheUsersOwnNameAndEmail_AreWeakPartsOfAPassword()
    {
        const string password = "markjohnson-someemailprovider";

        Assert.Null(PasswordPolicy.Problem(password, ["Ann Lee", "ann@example.com"]));
        Assert.Contains("your name or email", PasswordPolicy.Problem(password, ["Mark Johnson", "markjohnson@someemailprovider.net"]));
    }

    [Theory]
    [InlineData("correct pony battery hinge")]
    [InlineData("vintage-ocean-tractor-ribbon")]
    [InlineData("no composition rules here at all")]
    public void LongUnrelatedPassphrases_AreAccepted_WithoutCompositionRules(string password) =>
        Assert.Null(PasswordPolicy.Problem(password, Mark));

    [Fact]
    public void TheDemoPassword_PassesForEveryDemoAccount()
    {
        foreach (var (name, email) in new[] { ("Mark Johnson", DemoLogins.Mark), ("Lisa Smith", DemoLogins.Lisa), ("Clinic Admin", DemoLogins.Admin), ("Front Desk", DemoLogins.Staff) })
        {
            Assert.Null(PasswordPolicy.Problem(DemoLogins.Password, [name, email]));
        }
    }

    [Fact]
    public void AVeryLongPassword_IsRefusedBeforeScoring() =>
        Assert.Contains("at most 256", PasswordPolicy.Problem(new string('k', 100_000), Mark));
}
