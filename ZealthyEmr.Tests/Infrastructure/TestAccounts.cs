using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Seeding;

namespace ZealthyEmr.Tests.Infrastructure;

public static class TestAccounts
{
    /// <summary>
    /// A new patient with the demo password, created as the admin portal does (which flags the password as set by
    /// someone else); <paramref name="mustChangePassword"/> false clears that flag, as if they had already changed it.
    /// </summary>
    public static async Task<string> CreatePatientLoginAsync(this EmrAppFactory app, string name, bool mustChangePassword = false)
    {
        var email = $"{name.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid():N}@clinic.test";
        var created = await app.Services.GetRequiredService<PatientAdminService>().CreateAsync(new PatientInput(name, email), DemoLogins.Password);
        Assert.True(created.Succeeded, created.Error?.Message);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EmrUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.True(user.MustChangePassword);
        user.MustChangePassword = mustChangePassword;
        await users.UpdateAsync(user);
        return email;
    }
}
