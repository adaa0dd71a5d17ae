using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Web.Api.Auth;

public sealed class JwtTokenIssuer(JwtSigningKey key, IOptions<JwtOptions> options, TimeProvider clock)
{
    /// <summary>Carries the user's security stamp, so a token dies when the stamp changes (password reset, deletion).</summary>
    public const string StampClaim = "emr_stamp";

    /// <summary>A patient login's own patient id: signed, so patient-scoped routes need no lookup to know whose token it is.</summary>
    public const string PatientClaim = "emr_patient";

    public (string Token, DateTimeOffset ExpiresAt) Issue(EmrUser user, IEnumerable<string> roles, string? patientId)
    {
        var now = clock.GetUtcNow();
        var expires = now.AddMinutes(options.Value.ExpiryMinutes);
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Id),
            new(JwtRegisteredClaimNames.Email, user.Email ?? ""),
            new(JwtRegisteredClaimNames.Name, user.DisplayName),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            new(StampClaim, user.SecurityStamp ?? ""),
        };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        if (patientId is not null)
        {
            claims.Add(new Claim(PatientClaim, patientId));
        }

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
}
