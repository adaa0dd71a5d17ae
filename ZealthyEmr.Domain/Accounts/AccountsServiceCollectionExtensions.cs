using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Domain.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>Password policy, password changes and the two-factor rules; Identity itself is added by the domain.</summary>
    public static IServiceCollection AddEmrAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountSecurityOptions>()
            .BindConfiguration(AccountSecurityOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.RolesAreKnown, $"Security:TwoFactorRequiredRoles may only name {string.Join(", ", Roles.All)}.")
            .ValidateOnStart();

        services.Configure<IdentityOptions>(o =>
        {
            // NIST SP 800-63B: length and a strength check (StrongPasswordValidator), no composition rules.
            o.Password.RequiredLength = PasswordPolicy.MinimumLength;
            o.Password.RequireDigit = false;
            o.Password.RequireLowercase = false;
            o.Password.RequireUppercase = false;
            o.Password.RequireNonAlphanumeric = false;
            o.Password.RequiredUniqueChars = 1;
        });
        services.AddScoped<IPasswordValidator<EmrUser>, StrongPasswordValidator>();
        services.AddOptions<DataProtectionTokenProviderOptions>()
            .Configure<IOptions<AccountSecurityOptions>>((o, security) => o.TokenLifespan = security.Value.PasswordResetLifetime);
        services.AddScoped<PasswordService>();
        services.AddScoped<IUserClaimsPrincipalFactory<EmrUser>, AccountClaimsPrincipalFactory>();
        services.AddScoped<TwoFactorService>();
        services.AddScoped<PasswordResetService>();
        services.AddSingleton<PasswordResetRequests>();
        services.AddHostedService<PasswordResetWorker>();
        services.AddScoped<AccountAdminService>();
        return services;
    }
}
