using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Web.Api.Auth;

/// <summary>
/// A token carries the user id (<c>sub</c>) and a token id (<c>jti</c>) only: no email, name, roles, patient id or
/// security stamp, since a JWT's payload is readable by anyone holding it. Roles and the patient id are read from
/// the database on each request. The token id is a random nonce plus an HMAC of it keyed by the user's security
/// stamp, so a new stamp (password change, sign out everywhere, deletion) still ends every token at once while
/// the stamp itself never leaves the server.
/// </summary>
public sealed class JwtTokenIssuer(JwtSigningKey key, IOptions<JwtOptions> options, TimeProvider clock)
{
    public (string Token, DateTimeOffset ExpiresAt) Issue(EmrUser user)
    {
        var now = clock.GetUtcNow();
        var expires = now.AddMinutes(options.Value.ExpiryMinutes);
        var nonce = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Id),
            new(JwtRegisteredClaimNames.Jti, TokenId(nonce, user.SecurityStamp)),
        };

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    /// <summary>Whether <paramref name="tokenId"/> was issued under <paramref name="securityStamp"/>.</summary>
    public static bool MatchesStamp(string? tokenId, string? securityStamp)
    {
        var dot = tokenId?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0)
        {
            return false;
        }

        var expected = TokenId(tokenId![..dot], securityStamp);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(tokenId));
    }

    private static string TokenId(string nonce, string? securityStamp)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(securityStamp ?? ""), Encoding.ASCII.GetBytes(nonce));
        return nonce + "." + Base64UrlEncoder.Encode(mac.AsSpan(0, 16).ToArray());
    }
}
