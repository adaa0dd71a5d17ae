namespace ZealthyEmr.Domain.Seeding;

public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    /// <summary>The first admin, created at start when no admin exists yet.</summary>
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}
