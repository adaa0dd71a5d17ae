namespace ZealthyEmr.Domain.Seeding;

/// <summary>The demo clinic's logins; listed in the README.</summary>
public static class DemoLogins
{
    public const string Password = "Lantern-Orbit-Maple-42";
    public const string Mark = "mark@some-email-provider.net";
    public const string Lisa = "lisa@some-email-provider.net";
    public const string Admin = "admin@zealthy.example";
    public const string Staff = "staff@zealthy.example";
}
