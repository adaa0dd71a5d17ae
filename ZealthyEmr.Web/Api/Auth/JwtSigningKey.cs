using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ZealthyEmr.Web.Api.Auth;

/// <summary>The one signing key of this process: the configured one, or a random one in Development and Testing.</summary>
public sealed class JwtSigningKey
{
    public JwtSigningKey(IOptions<JwtOptions> options, IHostEnvironment environment, ILogger<JwtSigningKey> logger)
    {
        var configured = options.Value.SigningKey;
        if (!string.IsNullOrEmpty(configured))
        {
            Key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured));
            return;
        }

        if (!AllowsRandomKey(environment))
        {
            throw new InvalidOperationException("Jwt:SigningKey is not configured. Set it (at least 32 characters, the same on every instance).");
        }

        logger.LogWarning("Jwt:SigningKey is not configured; API tokens are signed with a random key that lives only as long as this process and is not shared with other instances.");
        Key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
    }

    public SymmetricSecurityKey Key { get; }

    public static bool AllowsRandomKey(IHostEnvironment environment) => environment.IsDevelopment() || environment.IsEnvironment("Testing");
}
