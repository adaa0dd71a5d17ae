using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using ZealthyEmr.Domain.Accounts;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Notifications;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;
using ZealthyEmr.Tests.Integration.Notifications;

namespace ZealthyEmr.Tests.Integration.Accounts;

public sealed partial class PasswordResetTests() : OwnAppTestBase(new EmrAppFactory(settings: new Dictionary<string, string?> { ["Email:PollInterval"] = "00:00:00.200" }))
{
    private const string NewPassword = "Copper-Lantern-Meadow-29";
    [Fact]
    public async Task ForgotPassword_AnswersTheSame_ForAnUnknownEmail_AndSendsNothing()
    {
        var known = await App.CreatePatientLoginAsync("Rita Reset");
        using var client = App.CreateBrowserLikeClient();

        var forUnknown = await RequestResetAsync(client, $"nobody-{Guid.NewGuid():N}@clinic.test");
        var forKnown = await RequestResetAsync(client, known);

        Assert.Equal(Answer(forUnknown), Answer(forKnown));
        Assert.Contains("30 minutes", Answer(forKnown));
        // The page only queues; the known address's link is written by the worker soon after.
        await ResetRowAsync(known);
        var queued = await App.OutboxAsync(m => m.Kind == EmailKinds.PasswordReset);
        Assert.Equal([known], queued.Select(m => m.Recipient));
    }

    [Fact]
    public async Task ForgotPassword_IsLimitedPerEmail_WhileOtherEmailsStillAsk()
    {
        var email = await App.CreatePatientLoginAsync("Rita Reset");
        using var client = App.CreateBrowserLikeClient();
        for (var i = 0; i < 3; i++)
        {
            await RequestResetAsync(client, email);
        }

        using var limited = await client.PostFormAsync("/account/forgot-password", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = " " + email.ToUpperInvariant() });
        var other = await RequestResetAsync(client, $"nobody-{Guid.NewGuid():N}@clinic.test");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Too many password reset requests. Please wait", await limited.Content.ReadAsStringAsync());
        Assert.Contains("If an account uses that email", other);
    }

    [Fact]
    public async Task EmailedLink_SetsANewPassword_EndsSessions_AndWorksOnlyOnce()
    {
        var email = await App.CreatePatientLoginAsync("Rita Reset");
        using var signedIn = App.CreateBrowserLikeClient();
        await signedIn.PostLoginAsync(email, DemoLogins.Password);
        using var client = App.CreateBrowserLikeClient();
        await RequestResetAsync(client, email);

        var link = await ResetLinkFromMailAsync(email);
        Assert.DoesNotContain(email, link, StringComparison.OrdinalIgnoreCase);
        using var reset = await client.PostFormAsync(link, "reset-password", Fields(NewPassword));
        Assert.Contains("data-testid=\"reset-done\"", await reset.Content.ReadAsStringAsync());

        Assert.Contains("/account/login", (await signedIn.GetAsync("/")).Headers.Location?.ToString() ?? "");
        using var fresh = App.CreateBrowserLikeClient();
        Assert.Equal("/", (await fresh.PostLoginAsync(email, NewPassword)).Headers.Location!.ToString());
        using var again = await client.PostFormAsync(link, "reset-password", Fields("Another-Fresh-Passphrase-71"));
        Assert.Contains("expired or was already used", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public void ResetLinks_LastThirtyMinutes() =>
        Assert.Equal(TimeSpan.FromMinutes(30), App.Services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan);

    [Fact]
    public async Task AdminTemporaryPassword_EndsTheSessions_AndMustBeChangedAtSignIn()
    {
        var email = await App.CreatePatientLoginAsync("Rita Reset");
        var patientId = await App.PatientIdAsync(email);
        using var signedIn = App.CreateBrowserLikeClient();
        await signedIn.PostLoginAsync(email, DemoLogins.Password);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<AccountAdminService>();
            Assert.False((await admin.SetTemporaryPasswordAsync(patientId, "password")).Succeeded);
            Assert.True((await admin.SetTemporaryPasswordAsync(patientId, "Temporary-Kettle-Harbor-58")).Succeeded);
        }

        Assert.Contains("/account/login", (await signedIn.GetAsync("/")).Headers.Location?.ToString() ?? "");
        using var client = App.CreateBrowserLikeClient();
        await client.PostLoginAsync(email, "Temporary-Kettle-Harbor-58");
        Assert.Equal("/account/manage/change-password", (await client.GetAsync("/")).Headers.Location!.ToString());
    }

    private static Dictionary<string, string> Fields(string password) => new()
    {
        ["Input.NewPassword"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    private static async Task<string> RequestResetAsync(HttpClient client, string email)
    {
        using var response = await client.PostFormAsync("/account/forgot-password", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Answer(string page)
    {
        var answer = SentAlert().Match(page).Value;
        Assert.False(string.IsNullOrEmpty(answer), page);
        return answer;
    }

    /// <summary>Waits for the outbox to write the .eml to the pickup directory and takes the link from its text.</summary>
    private async Task<string> ResetLinkFromMailAsync(string email)
    {
        var row = await ResetRowAsync(email);
        await App.WaitForRowAsync(row.Id, r => r.Status == OutboxStatus.Sent);
        var message = await MimeMessage.LoadAsync(Directory.GetFiles(App.MailDirectory, $"{row.Id:N}*.eml").Single());
        var link = ResetUrl().Match(message.TextBody ?? "").Value;
        Assert.False(string.IsNullOrEmpty(link), message.TextBody);
        return new Uri(link).PathAndQuery;
    }

    private async Task<OutboxMessage> ResetRowAsync(string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var rows = await App.OutboxAsync(m => m.Recipient == email && m.Kind == EmailKinds.PasswordReset);
            if (rows.Count > 0 || DateTime.UtcNow > deadline)
            {
                return Assert.Single(rows);
            }

            await Task.Delay(50);
        }
    }

    [GeneratedRegex("If an account uses that email[^<]*")]
    private static partial Regex SentAlert();

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetUrl();
}
