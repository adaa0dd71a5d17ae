using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ZealthyEmr.Web.Api.Auth;

/// <summary>The one signing key of this process: the configured one, or a random one in Development and Testing.</summary>
public sealed class JwtSigningKey
{
    public const int MinimumBytes = 32;

    // 32 random bytes almost always hold about 30 distinct values; 16 or fewer means a pattern such as a repeated
    // character or a short phrase padded out, which is guessable however long it is.
    private const int MinimumDistinctBytes = 17;

    public const string Requirement = "Jwt:SigningKey must be base64 of at least 32 random bytes; generate one with: openssl rand -base64 32";

    public JwtSigningKey(IOptions<JwtOptions> options, IHostEnvironment environment, ILogger<JwtSigningKey> logger)
    {
        if (TryDecode(options.Value.SigningKey, out var bytes))
        {
            Key = new SymmetricSecurityKey(bytes);
            return;
        }

        if (!string.IsNullOrEmpty(options.Value.SigningKey) || !AllowsRandomKey(environment))
        {
            throw new InvalidOperationException(Requirement);
        }

        logger.LogWarning("Jwt:SigningKey is not configured; API tokens are signed with a random key that lives only as long as this process and is not shared with other instances.");
        Key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(MinimumBytes));
    }

    public SymmetricSecurityKey Key { get; }

    public static bool AllowsRandomKey(IHostEnvironment environment) => environment.IsDevelopment() || environment.IsEnvironment("Testing");

    /// <summary>Whether the configured value is acceptable: absent where a random key is allowed, or a strong base64 key.</summary>
    public static bool IsAcceptable(string? configured, IHostEnvironment environment) =>
        string.IsNullOrEmpty(configured) ? AllowsRandomKey(environment) : TryDecode(configured, out _);

    private static bool TryDecode(string? configured, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return false;
        }

        var buffer = new byte[configured.Length];
        if (!Convert.TryFromBase64String(configured.Trim(), buffer, out var written) || written < MinimumBytes)
        {
            return false;
        }

        bytes = buffer[..written];
        return bytes.Distinct().Count() >= MinimumDistinctBytes;
    }
}
