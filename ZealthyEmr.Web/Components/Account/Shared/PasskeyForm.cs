namespace ZealthyEmr.Web.Components.Account.Shared;

/// <summary>What the passkey script posts: the credential JSON, or the browser's error.</summary>
public sealed class PasskeyForm
{
    public string? CredentialJson { get; set; }

    public string? Error { get; set; }

    public string? Name { get; set; }
}
